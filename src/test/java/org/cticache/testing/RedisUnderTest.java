package org.cticache.testing;

import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/** A real Redis deployment the tests run cticache against: one server, Sentinels and a master, or a cluster. */
public interface RedisUnderTest extends AutoCloseable {

    /** The cticache settings that point a deployment at it. */
    Map<String, String> cticacheSettings();

    /** A client for looking into the data directly, whatever the topology; shared, closed with the deployment. */
    UnifiedJedis data();

    @Override
    void close();
}
