package org.cticache.testing;

import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * What Redis itself counted while something ran: the commands it executed (INFO commandstats, scripts' inner
 * commands included) and the bytes it received (INFO stats), less the INFO calls that measure them and the PINGs
 * that every deployment's pool sends to its idle connections at any time.
 */
public record RedisCounts(Map<String, Long> commands, long bytesIn) {

    /**
     * The most commands one API call may make Redis run, a script's inner commands included: a bound that holds
     * whatever the pool's size or spelling, its occupancy, and how many DNIS the caller holds.
     */
    public static final long PER_CALL_MAX = 40;

    private static final long PING_REQUEST_BYTES = "*1\r\n$4\r\nPING\r\n".length();

    public static RedisCounts during(Jedis jedis, Runnable work) {
        Map<String, Long> before = commandCounts(jedis);
        long inBefore = bytesIn(jedis);
        work.run();
        long inAfter = bytesIn(jedis);
        // What one INFO stats request sends, which the work's bytes include once.
        long infoRequest = bytesIn(jedis) - inAfter;
        Map<String, Long> after = commandCounts(jedis);
        Map<String, Long> ran = new HashMap<>();
        after.forEach((command, calls) -> {
            long delta = calls - before.getOrDefault(command, 0L);
            if (delta > 0 && !command.equals("info") && !command.equals("ping")) {
                ran.put(command, delta);
            }
        });
        long pings = after.getOrDefault("ping", 0L) - before.getOrDefault("ping", 0L);
        return new RedisCounts(Map.copyOf(ran), inAfter - inBefore - infoRequest - pings * PING_REQUEST_BYTES);
    }

    /** Every command, those a script ran included. */
    public long total() {
        return commands.values().stream().mapToLong(Long::longValue).sum();
    }

    public long calls(String command) {
        return commands.getOrDefault(command, 0L);
    }

    private static Map<String, Long> commandCounts(Jedis jedis) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : jedis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                int calls = line.indexOf("calls=") + "calls=".length();
                counts.put(command, Long.parseLong(line.substring(calls, line.indexOf(',', calls))));
            }
        }
        return counts;
    }

    private static long bytesIn(Jedis jedis) {
        return info(jedis, "stats", "total_net_input_bytes");
    }

    /** A number from one section of Redis's INFO, such as {@code used_memory} of {@code memory}. */
    public static long info(Jedis jedis, String section, String field) {
        for (String line : jedis.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).strip());
            }
        }
        throw new IllegalStateException("INFO " + section + " without " + field);
    }
}
