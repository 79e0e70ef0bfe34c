package org.cticache.it.topology;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.cticache.testing.Api;
import org.cticache.testing.TransferLoad.Outcome;

/** What a master failure under load cost the callers, and the checks every topology must pass. */
record FailoverReport(String topology, int calls, int failed, long outageMillis, long slowestMillis,
                      int acknowledged, int lost) {

    /**
     * Checks the outcomes of a load that ran across a master kill: every failure is a 503 problem answered in
     * bounded time, none came before the kill and each concerns a key the failure may touch; then reads back
     * every acknowledged entry, all of which must be there when {@code noneLost} (replicas were waited for).
     */
    static FailoverReport check(String topology, List<Outcome> outcomes, long killedNanos, long boundMillis,
                                Api api, Predicate<Outcome> mayFail, boolean noneLost) {
        long firstFailure = Long.MAX_VALUE;
        long lastFailure = Long.MIN_VALUE;
        int failed = 0;
        long slowest = 0;
        for (Outcome outcome : outcomes) {
            slowest = Math.max(slowest, outcome.millis());
            if (!outcome.acknowledged()) {
                failed++;
                assertProblem(outcome.response(), 503, "");
                assertTrue(outcome.endNanos() >= killedNanos, "a call failed before the master was killed");
                assertTrue(mayFail.test(outcome), "a call failed whose key the failure does not concern: "
                        + outcome.ani());
                firstFailure = Math.min(firstFailure, outcome.startNanos());
                lastFailure = Math.max(lastFailure, outcome.endNanos());
            }
        }
        assertTrue(slowest < boundMillis, "slowest call took " + slowest + " ms");
        int acknowledged = 0;
        int lost = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.acknowledged()) {
                acknowledged++;
                String key = Api.json(outcome.response()).path("dnis").asText() + ":" + outcome.ani();
                if (!("{\"value\":" + outcome.value() + "}").equals(api.get(key).body())) {
                    lost++;
                }
            }
        }
        FailoverReport report = new FailoverReport(topology, outcomes.size(), failed,
                failed == 0 ? 0 : (lastFailure - firstFailure) / 1_000_000, slowest, acknowledged, lost);
        System.out.println(report);
        if (noneLost) {
            assertEquals(0, lost, "acknowledged entries lost in the failover: " + report);
        }
        return report;
    }

    @Override
    public String toString() {
        return topology + " master killed under load: " + calls + " calls, " + failed + " failed (503), outage window "
                + outageMillis + " ms, slowest call " + slowestMillis + " ms, " + lost + " of " + acknowledged
                + " acknowledged entries lost";
    }
}
