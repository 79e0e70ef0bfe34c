package org.cticache.it.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.cticache.testing.Api;
import org.cticache.testing.ClusterRedis;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.TransferLoad;
import org.cticache.testing.redis.RedisNode;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/** One master of the cluster dies under load: only the ANIs of its slots may see 503s. */
class ClusterFailoverIT {

    @Test
    void aKilledMasterAffectsOnlyItsSlotsAndOnlyUntilItsReplicaTakesOver() {
        try (ClusterRedis redis = ClusterRedis.start();
             Deployment service = Failovers.service(redis, 0)) {
            Api api = service.api();
            Victim victim = Victim.of(redis);
            TransferLoad load = TransferLoad.start(api, 4);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            long killed = System.nanoTime();
            redis.setup().killMasterOf(victim.sampleKey);
            redis.setup().awaitHealthy(Duration.ofSeconds(30));
            Failovers.awaitServing(api, victim::ani);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            List<TransferLoad.Outcome> outcomes = load.stop();

            FailoverReport.check("cluster (wait.replicas=0)", outcomes, killed, Failovers.BOUND_MILLIS, api,
                    victim::owns, false);
        }
    }

    /**
     * With cticache.redis.wait.replicas=1, no acknowledged entry is lost. After the failover the shard has no
     * replica left until the failed node returns, so its writes are refused meanwhile, as documented.
     */
    @Test
    void everyAcknowledgedEntrySurvivesTheFailoverOfItsMaster() {
        try (ClusterRedis redis = ClusterRedis.start();
             Deployment service = Failovers.service(redis, 1)) {
            Api api = service.api();
            Victim victim = Victim.of(redis);
            TransferLoad load = TransferLoad.start(api, 4);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            long killed = System.nanoTime();
            redis.setup().killMasterOf(victim.sampleKey);
            redis.setup().awaitHealthy(Duration.ofSeconds(30));
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            List<TransferLoad.Outcome> outcomes = load.stop();

            FailoverReport.check("cluster (wait.replicas=1)", outcomes, killed, Failovers.BOUND_MILLIS, api,
                    victim::owns, true);
            assertEquals(201, api.create(victim.otherAni(), "\"other shards serve\"").statusCode());
        }
    }

    /** The master to kill and the slot ranges it served before. */
    private record Victim(String sampleKey, List<int[]> slots) {

        static Victim of(ClusterRedis redis) {
            String sample = key(Numbers.uniqueAni());
            return new Victim(sample, slotsOf(redis.setup().masterForKey(sample)));
        }

        boolean owns(TransferLoad.Outcome outcome) {
            return owns(outcome.ani());
        }

        boolean owns(String ani) {
            int slot = JedisClusterCRC16.getSlot(key(ani));
            return slots.stream().anyMatch(range -> slot >= range[0] && slot <= range[1]);
        }

        /** An ANI whose entries the killed master served. */
        String ani() {
            return find(() -> Numbers.uniqueAni(), true);
        }

        String otherAni() {
            return find(() -> Numbers.uniqueAni(), false);
        }

        private String find(Supplier<String> anis, boolean owned) {
            for (int i = 0; i < 10_000; i++) {
                String ani = anis.get();
                if (owns(ani) == owned) {
                    return ani;
                }
            }
            throw new IllegalStateException("no ANI found in the wanted slots");
        }

        private static String key(String ani) {
            return StoredKeys.of(ani);
        }

        private static List<int[]> slotsOf(RedisNode master) {
            List<int[]> ranges = new ArrayList<>();
            try (Jedis jedis = master.jedis()) {
                for (Object range : jedis.clusterSlots()) {
                    List<?> fields = (List<?>) range;
                    List<?> owner = (List<?>) fields.get(2);
                    if (((Long) owner.get(1)).intValue() == master.port()) {
                        ranges.add(new int[] {((Long) fields.get(0)).intValue(), ((Long) fields.get(1)).intValue()});
                    }
                }
            }
            return ranges;
        }
    }
}
