package org.cticache.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.cticache.core.StoreUnavailableException;

/**
 * Measures the round trip to Redis at start-up and logs it, warning when a timeout leaves it little room: a timeout
 * near the round trip makes calls fail under the least load, and one below it makes every call fail, which nothing
 * else would say before the first 503.
 */
final class RoundTripCheck {

    private static final Logger LOG = Logger.getLogger(RoundTripCheck.class.getName());
    private static final int PINGS = 5;
    // A call spends several round trips (an allocation three, a wait for a pooled connection at least one other
    // call), and a round trip varies with load: a timeout below four of them is too tight.
    private static final int ROUND_TRIPS_PER_TIMEOUT = 4;

    private RoundTripCheck() {
    }

    /** Whether Redis answered. */
    static boolean log(RedisCalls redis, String key, RedisOptions options) {
        double millis;
        try {
            millis = redis.roundTripNanos(key, PINGS) / 1e6;
        } catch (StoreUnavailableException e) {
            LOG.warning("cticache: Redis did not answer at start-up, so the round trip to it is not measured: "
                    + e.getMessage());
            return false;
        }
        String measured = String.format(Locale.ROOT, "cticache: round trip to Redis %.1f ms (median of %d PINGs)",
                millis, PINGS);
        List<String> tight = new ArrayList<>();
        tooTight(tight, "cticache.redis.timeout", options.timeoutMillis(), millis);
        tooTight(tight, "cticache.redis.connect-timeout", options.connectTimeoutMillis(), millis);
        tooTight(tight, "cticache.redis.pool.max-wait", options.poolMaxWaitMillis(), millis);
        if (tight.isEmpty()) {
            LOG.info(measured);
        } else {
            LOG.warning(measured + ", more than a quarter of " + String.join(", ", tight) + ": calls will answer 503"
                    + " when Redis is merely slow; raise " + (tight.size() == 1 ? "it" : "them") + " to at least "
                    + ROUND_TRIPS_PER_TIMEOUT + " round trips");
        }
        return true;
    }

    private static void tooTight(List<String> tight, String setting, int timeoutMillis, double roundTripMillis) {
        if (timeoutMillis < ROUND_TRIPS_PER_TIMEOUT * roundTripMillis) {
            tight.add(setting + " (" + timeoutMillis + " ms)");
        }
    }
}
