package org.cticache.testing.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

/** Checks that the Sentinel and Cluster topologies really fail over when a master dies, and prints how fast. */
class RedisTopologiesIT {

    private static final String KEY = "cticache:{123}:5551234500";

    @Test
    void sentinelsPromoteTheReplicaWhenTheMasterIsKilled() {
        try (SentinelSetup sentinel = SentinelSetup.start()) {
            try (Jedis master = sentinel.masterClient()) {
                master.set(KEY, "before");
                assertEquals(2, master.waitReplicas(2, 1_000), "replicas that acknowledged the write");
            }
            try (Jedis replica = sentinel.replica().jedis()) {
                assertEquals("before", replica.get(KEY));
            }
            HostAndPort killed = sentinel.master().hostAndPort();

            long start = System.nanoTime();
            sentinel.killMaster();
            HostAndPort promoted = sentinel.awaitFailover(Duration.ofSeconds(15));
            System.out.printf("Sentinel failover: %d ms from SIGKILL of the master to the replica promoted%n",
                    millisSince(start));

            assertNotEquals(killed, promoted);
            try (Jedis master = sentinel.masterClient()) {
                assertEquals("before", master.get(KEY), "the replicated write survives the failover");
                assertEquals("OK", master.set(KEY, "after"));
            }
        }
    }

    @Test
    void clusterPromotesAReplicaWhenTheMasterOfAKeyIsKilled() {
        try (ClusterSetup cluster = ClusterSetup.start()) {
            Set<HostAndPort> seeds = cluster.nodes().stream().map(RedisNode::hostAndPort).collect(Collectors.toSet());
            try (JedisCluster client = new JedisCluster(seeds)) {
                try (Jedis any = cluster.nodes().get(0).jedis()) {
                    assertEquals("ok", InfoFields.get(any.clusterInfo(), "cluster_state"));
                }
                assertEquals("OK", client.set(KEY, "before"));
                RedisNode killed = cluster.masterForKey(KEY);
                try (Jedis master = killed.jedis()) {
                    assertEquals(1, master.waitReplicas(1, 1_000), "replicas that acknowledged the write");
                }

                long start = System.nanoTime();
                cluster.killMasterOf(KEY);
                cluster.awaitHealthy(Duration.ofSeconds(20));
                System.out.printf("Cluster failover: %d ms from SIGKILL of the key's master to its slots served"
                        + " again%n", millisSince(start));

                assertNotEquals(killed.port(), cluster.masterForKey(KEY).port());
                assertEquals("before", client.get(KEY), "the replicated write survives the failover");
                assertEquals("OK", client.set(KEY, "after"));
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
