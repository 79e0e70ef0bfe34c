package org.cticache.it.topology;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.sites.CallerLoad;
import org.cticache.testing.sites.CallerLoad.Post;
import org.cticache.testing.sites.CallerLoad.Take;
import org.cticache.testing.sites.SiteNetwork;
import org.cticache.testing.sites.SiteNetwork.Site;
import org.cticache.testing.sites.SiteNode;
import org.cticache.testing.sites.TwoSiteRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sites and a third location on one machine (network namespaces joined by a user-space WAN with a 10 ms round
 * trip): the master's site A is cut off, silently, under load, while cticache runs as an application server in
 * site B. The Sentinels of B and C must promote B's replica and cticache must follow it by itself, losing no
 * acknowledged entry and handing out no entry twice (docs/scaling.md, "Two sites").
 */
class SiteLossIT {

    private static final int ROUND_TRIP_MILLIS = 10;
    private static final int WAIT_REPLICAS = 1;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    // A small pool and a few callers, so that an entry lost or doubled in the failover would meet another.
    private static final String POOL = "5551234500-5551234549";
    private static final int CALLERS = 8;
    private static final int TTL_SECONDS = 300;
    private static final int LATENCY_SAMPLES = 20;

    @BeforeEach
    void needsNamespaces() {
        Optional<String> why = SiteNetwork.whyUnusable();
        assumeTrue(why.isEmpty(), () -> "the two-site simulation cannot run here: " + why.orElseThrow());
    }

    @Test
    void losingTheMastersSiteLosesNoAcknowledgedEntryAndCallsRecoverInTheOtherSite() {
        try (SiteNetwork network = SiteNetwork.start(ROUND_TRIP_MILLIS);
             TwoSiteRedis redis = TwoSiteRedis.start(network);
             Deployment service = service(redis, WAIT_REPLICAS)) {
            Api api = service.api();
            double waited = medianPostMillis(api);
            double unwaited;
            try (Deployment noWait = service(redis, 0)) {
                unwaited = medianPostMillis(noWait.api());
            }
            SiteNode oldMaster = redis.masterNamedIn(Site.A);

            Cut cut = underLoad(api, redis, () -> network.cut(Site.A));
            SiteNode promoted = cut.promoted();
            Report report = cut.report();
            System.out.println("site A (master) cut off, " + ROUND_TRIP_MILLIS + " ms WAN, wait.replicas="
                    + WAIT_REPLICAS + ": POST median " + String.format(Locale.ROOT, "%.1f", waited)
                    + " ms before the cut, " + String.format(Locale.ROOT, "%.1f", unwaited)
                    + " ms with wait.replicas=0; new master " + promoted + "; relay " + network.counts() + "; "
                    + report);
            assertEquals(Site.B, promoted.site(), "the new master's site");

            long healed = System.nanoTime();
            network.heal(Site.A);
            redis.awaitReplicaOf(oldMaster, promoted, RECOVERY_BOUND);
            System.out.println("site A healed: " + oldMaster + " rejoined as a replica of " + promoted + " after "
                    + (System.nanoTime() - healed) / 1_000_000 + " ms");
        }
    }

    /**
     * Site A cut off from B and C but not from cticache: the Sentinels promote B's replica while the old master
     * still answers cticache, so cticache must leave it by itself, even the connections it was using at the switch.
     */
    @Test
    void aPartitionThatLeavesTheOldMasterReachableStillMovesEveryCallToTheNewMaster() {
        try (SiteNetwork network = SiteNetwork.start(ROUND_TRIP_MILLIS);
             TwoSiteRedis redis = TwoSiteRedis.start(network);
             Deployment service = service(redis, WAIT_REPLICAS)) {
            Api api = service.api();
            Cut cut = underLoad(api, redis, () -> {
                network.cut(Site.A, Site.B);
                network.cut(Site.A, Site.C);
            });
            assertEquals(Site.B, cut.promoted().site(), "the new master's site");
            System.out.println("site A cut off from B and C, reachable from cticache: " + cut.report());
        }
    }

    /** A cut made under load, the master promoted after it, and what the calls came to. */
    private record Cut(SiteNode promoted, Report report) {
    }

    /**
     * Callers post for a few numbers, and take every second entry, while the cut is made; it checks what became of
     * every call once a POST was acknowledged again and the Sentinels named a master outside site A.
     */
    private static Cut underLoad(Api api, TwoSiteRedis redis, Runnable cutting) {
        List<String> anis = IntStream.range(0, CALLERS).mapToObj(i -> Numbers.uniqueAni()).toList();
        long cut;
        long recovered;
        SiteNode promoted;
        CallerLoad.Calls calls;
        try (CallerLoad load = CallerLoad.start(api, 4, anis)) {
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            cut = System.nanoTime();
            cutting.run();
            await("a POST to be acknowledged again after the cut").atMost(RECOVERY_BOUND)
                    .pollInterval(Duration.ofMillis(20)).until(() -> load.firstAcknowledgedAfter(cut).isPresent());
            recovered = load.firstAcknowledgedAfter(cut).getAsLong();
            promoted = redis.awaitPromotionOutside(Site.A, RECOVERY_BOUND);
            load.awaitAcknowledged(Failovers.CALLS_AROUND);
            calls = load.stop();
        }
        return new Cut(promoted, check(calls, cut, recovered, api));
    }

    /** What the cut cost and what was checked afterwards. */
    private record Report(long recoveryMillis, int posts, int acknowledged, int cutAcknowledged, int cutRefused,
                          int present, int taken, int lost, int doubled) {

        @Override
        public String toString() {
            return "calls recovered " + recoveryMillis + " ms after the cut; " + posts + " POSTs, " + acknowledged
                    + " answered 201; of those started between cut and recovery " + cutAcknowledged
                    + " answered 201 and " + cutRefused + " 503; entries checked: " + present + " read back, " + taken
                    + " taken by DELETE, " + lost + " lost, " + doubled + " handed out or taken twice";
        }
    }

    /**
     * Every POST answered 201, or 503 problem+json after the cut; every acknowledged entry is still there (read
     * back, or taken with its own value), except those a DELETE of unknown outcome may have taken; no key was
     * acknowledged twice while its first entry was live, and no entry was taken twice.
     */
    private static Report check(CallerLoad.Calls calls, long cut, long recovered, Api api) {
        int cutAcknowledged = 0;
        int cutRefused = 0;
        for (Post post : calls.posts()) {
            if (!post.acknowledged()) {
                assertTrue(post.response() != null, "a POST got no HTTP answer");
                assertProblem(post.response(), 503, "");
                assertTrue(post.endNanos() - cut >= 0, "a POST failed before the cut: " + post.response().body());
            }
            if (post.startNanos() - cut >= 0 && post.startNanos() - recovered < 0) {
                if (post.acknowledged()) {
                    cutAcknowledged++;
                } else {
                    cutRefused++;
                }
            }
        }
        Map<Post, Take> takeOf = new HashMap<>();
        calls.takes().forEach(take -> takeOf.put(take.post(), take));
        List<Post> acknowledged = calls.posts().stream().filter(Post::acknowledged).toList();

        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        int present = 0;
        int taken = 0;
        Set<String> takenValues = new HashSet<>();
        for (Post post : acknowledged) {
            String expected = "{\"value\":" + post.value() + "}";
            Take take = takeOf.get(post);
            if (take == null) {
                if (expected.equals(api.get(post.key()).body())) {
                    present++;
                } else {
                    lost.add(post.key() + " (read back)");
                }
            } else if (take.status() == 200) {
                if (!expected.equals(take.response().body())) {
                    doubled.add(post.key() + " (DELETE took another entry: " + take.response().body() + ")");
                } else if (!takenValues.add(post.value())) {
                    doubled.add(post.key() + " (taken twice)");
                } else {
                    taken++;
                }
            } else if (take.status() == 404) {
                lost.add(post.key() + " (DELETE 404)");
            } else {
                // A take of unknown outcome (the store was unreachable): the entry may be gone, rightly.
                assertTrue(take.response() != null, "a DELETE got no HTTP answer");
                assertProblem(take.response(), 503, "");
            }
        }

        Map<String, List<Post>> byKey = acknowledged.stream().collect(Collectors.groupingBy(Post::key));
        for (List<Post> same : byKey.values()) {
            List<Post> inOrder = same.stream().sorted(Comparator.comparingLong(Post::endNanos)).toList();
            for (int i = 1; i < inOrder.size(); i++) {
                Take earlier = takeOf.get(inOrder.get(i - 1));
                if (earlier == null || earlier.startNanos() - inOrder.get(i).endNanos() >= 0) {
                    doubled.add(inOrder.get(i).key() + " (acknowledged again while live)");
                }
            }
        }
        Report report = new Report((recovered - cut) / 1_000_000, calls.posts().size(), acknowledged.size(),
                cutAcknowledged, cutRefused, present, taken, lost.size(), doubled.size());
        assertEquals(List.of(), lost, "acknowledged entries lost: " + report);
        assertEquals(List.of(), doubled, "entries handed out or taken twice: " + report);
        assertTrue(recovered - cut < RECOVERY_BOUND.toNanos(), "recovery took too long: " + report);
        return report;
    }

    /** cticache in site B: the Sentinels of all three locations, WAIT for that many replicas, entries for 300 s. */
    private static Deployment service(TwoSiteRedis redis, int waitReplicas) {
        return Deployment.of(redis)
                .set("cticache.dnis.pool", POOL)
                .set("cticache.ttl.default", Integer.toString(TTL_SECONDS))
                .set("cticache.redis.timeout", Integer.toString(Failovers.TIMEOUT_MILLIS))
                .set("cticache.redis.wait.replicas", Integer.toString(waitReplicas))
                .set("cticache.redis.wait.timeout", Integer.toString(Failovers.WAIT_MILLIS))
                .start();
    }

    /** The median time of POSTs made one after the other, each for a new caller. */
    private static double medianPostMillis(Api api) {
        api.created(Numbers.uniqueAni(), "\"warm-up\"");
        double[] millis = new double[LATENCY_SAMPLES];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            api.created(Numbers.uniqueAni(), "\"latency\"");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
