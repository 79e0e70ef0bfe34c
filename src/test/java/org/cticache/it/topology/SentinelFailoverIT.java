package org.cticache.it.topology;

import java.time.Duration;
import java.util.List;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.SentinelRedis;
import org.cticache.testing.TransferLoad;
import org.junit.jupiter.api.Test;

/** The master behind the Sentinels dies under load; cticache must ride the failover without a restart. */
class SentinelFailoverIT {

    @Test
    void aKilledMasterCosts503sOnlyDuringTheFailoverAndNoAcknowledgedEntry() {
        try (SentinelRedis redis = SentinelRedis.start();
             Deployment service = Failovers.service(redis, 1)) {
            Api api = service.api();
            TransferLoad load = TransferLoad.start(api, 4);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            long killed = System.nanoTime();
            redis.setup().killMaster();
            redis.setup().awaitFailover(Duration.ofSeconds(30));
            Failovers.awaitServing(api, Numbers::uniqueAni);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            List<TransferLoad.Outcome> outcomes = load.stop();

            FailoverReport.check("sentinel (wait.replicas=1)", outcomes, killed, Failovers.BOUND_MILLIS, api,
                    outcome -> true, true);
            // The sentinels repoint the other replica at the new master after the promotion, and it resyncs: until
            // then WAIT for one replica fails and a POST answers 503 (nothing stored), so this waits for that too.
            Failovers.awaitServing(api, Numbers::uniqueAni);
        }
    }
}
