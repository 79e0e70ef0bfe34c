package org.cticache.testing.sites;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.sites.SiteNetwork.Site;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis spread over two sites and a third location, as docs/scaling.md recommends: the master in site A, two
 * replicas in site B (so that after losing A the promoted one still has a replica to satisfy
 * cticache.redis.wait.replicas=1), and a Sentinel in each of A, B and C with a quorum of two, so that B and C
 * together can fail over while A alone cannot.
 */
public final class TwoSiteRedis implements RedisUnderTest {

    private static final String MASTER_NAME = "cticache";
    private static final int DATA_PORT = 6379;
    private static final int SENTINEL_PORT = 26379;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long the Sentinels wait before they call a silent master down, in this test (production: see the docs). */
    public static final int DOWN_AFTER_MILLIS = 1_000;

    private final SiteNetwork network;
    private final List<SiteNode> dataNodes = new ArrayList<>();
    private final List<SiteNode> sentinels = new ArrayList<>();
    private UnifiedJedis data;

    private TwoSiteRedis(SiteNetwork network) {
        this.network = network;
    }

    /** Starts master, replicas and Sentinels; returns once the replicas are in sync and every Sentinel sees all. */
    public static TwoSiteRedis start(SiteNetwork network) {
        TwoSiteRedis redis = new TwoSiteRedis(network);
        try {
            // An isolated master stops taking writes once no replica has acknowledged for 10 s (docs/scaling.md).
            List<String> common = List.of("--min-replicas-to-write", "1", "--min-replicas-max-lag", "10");
            SiteNode master = SiteNode.data(network, Site.A, DATA_PORT, common);
            redis.dataNodes.add(master);
            for (int port : List.of(DATA_PORT, DATA_PORT + 1)) {
                List<String> args = new ArrayList<>(common);
                args.addAll(List.of("--replicaof", master.address().getHost(),
                        Integer.toString(master.address().getPort())));
                SiteNode replica = SiteNode.data(network, Site.B, port, args);
                redis.dataNodes.add(replica);
            }
            for (SiteNode replica : redis.dataNodes.subList(1, redis.dataNodes.size())) {
                await(replica + " to sync with its master").atMost(START_TIMEOUT)
                        .ignoreExceptionsInstanceOf(JedisException.class)
                        .until(() -> info(replica, "replication", "master_link_status"), "up"::equals);
            }
            for (Site site : Site.values()) {
                redis.sentinels.add(SiteNode.sentinel(network, site, SENTINEL_PORT, List.of(
                        "sentinel monitor " + MASTER_NAME + " " + master.address().getHost() + " "
                                + master.address().getPort() + " 2",
                        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                        // Two Sentinels that each voted for themselves try again after twice this; 10 s (as on
                        // loopback) made one such split vote cost over 20 s of recovery.
                        "sentinel failover-timeout " + MASTER_NAME + " 6000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1")));
            }
            redis.awaitSentinelsAgree();
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    @Override
    public Map<String, String> cticacheSettings() {
        return Map.of("cticache.redis.mode", "sentinel", "cticache.redis.nodes", sentinelNodes(),
                "cticache.redis.sentinel.master", MASTER_NAME);
    }

    /** The three Sentinels, as cticache.redis.nodes takes them. */
    public String sentinelNodes() {
        return sentinels.stream().map(node -> node.address().toString()).collect(Collectors.joining(","));
    }

    @Override
    public synchronized UnifiedJedis data() {
        if (data == null) {
            Set<HostAndPort> addresses = sentinels.stream().map(SiteNode::address).collect(Collectors.toSet());
            data = new JedisSentineled(MASTER_NAME, DefaultJedisClientConfig.builder().build(), addresses,
                    DefaultJedisClientConfig.builder().build());
        }
        return data;
    }

    /** The node the Sentinel of that location names as master. */
    public SiteNode masterNamedIn(Site site) {
        return masterNamedBy(sentinelIn(site));
    }

    /**
     * Waits until the Sentinels of every location but the lost one name a node of another site as master and that
     * node says role:master with a replica online; returns it.
     */
    public SiteNode awaitPromotionOutside(Site lost, Duration max) {
        await("the Sentinels outside site " + lost + " to promote a replica elsewhere").atMost(max)
                .pollInterval(Duration.ofMillis(50)).ignoreExceptionsInstanceOf(JedisException.class)
                .until(() -> notPromotedOutside(lost), String::isEmpty);
        return masterNamedBy(sentinels.stream().filter(node -> node.site() != lost).findFirst().orElseThrow());
    }

    /** Waits until the node says it is a replica of that master with its link up. */
    public void awaitReplicaOf(SiteNode node, SiteNode master, Duration max) {
        await(node + " to rejoin as a replica of " + master).atMost(max)
                .ignoreExceptionsInstanceOf(JedisException.class)
                .until(() -> info(node, "replication", "role") + " of " + info(node, "replication", "master_host")
                        + ":" + info(node, "replication", "master_port") + " link "
                        + info(node, "replication", "master_link_status"),
                        ("slave of " + master.address() + " link up")::equals);
    }

    /** The data node a site starts with as master (A) or replica. */
    public SiteNode firstDataNodeIn(Site site) {
        return dataNodes.stream().filter(node -> node.site() == site).findFirst().orElseThrow();
    }

    /** Kills the Sentinels first, so that they do not react to the data nodes going away. */
    @Override
    public synchronized void close() {
        if (data != null) {
            data.close();
        }
        sentinels.forEach(SiteNode::close);
        dataNodes.forEach(SiteNode::close);
    }

    @Override
    public String toString() {
        return "two-site sentinel setup via " + sentinelNodes();
    }

    private String notPromotedOutside(Site lost) {
        Set<HostAndPort> named = new LinkedHashSet<>();
        for (SiteNode sentinel : sentinels) {
            if (sentinel.site() != lost) {
                named.add(masterNamedBy(sentinel).address());
            }
        }
        if (named.size() != 1) {
            return "the Sentinels name " + named;
        }
        SiteNode promoted = dataNode(named.iterator().next());
        if (promoted.site() == lost) {
            return "the Sentinels still name " + promoted;
        }
        String role = info(promoted, "replication", "role");
        String replicas = info(promoted, "replication", "connected_slaves");
        return role.equals("master") && !replicas.equals("0") ? ""
                : promoted + " says role:" + role + " connected_slaves:" + replicas;
    }

    private void awaitSentinelsAgree() {
        await("every Sentinel to see the master healthy, its two replicas and the two other Sentinels")
                .atMost(START_TIMEOUT).ignoreExceptionsInstanceOf(JedisException.class).until(() -> {
                    for (SiteNode sentinel : sentinels) {
                        try (Jedis jedis = sentinel.jedis()) {
                            Map<String, String> master = jedis.sentinelMaster(MASTER_NAME);
                            if (!master.get("flags").equals("master") || !master.get("num-slaves").equals("2")
                                    || !master.get("num-other-sentinels").equals("2")) {
                                return sentinel + " sees " + master;
                            }
                        }
                    }
                    return "";
                }, String::isEmpty);
    }

    private SiteNode sentinelIn(Site site) {
        return sentinels.stream().filter(node -> node.site() == site).findFirst().orElseThrow();
    }

    private SiteNode masterNamedBy(SiteNode sentinel) {
        try (Jedis jedis = sentinel.jedis()) {
            List<String> address = jedis.sentinelGetMasterAddrByName(MASTER_NAME);
            return dataNode(new HostAndPort(address.get(0), Integer.parseInt(address.get(1))));
        }
    }

    private SiteNode dataNode(HostAndPort address) {
        return dataNodes.stream().filter(node -> node.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no data node of this setup is at " + address));
    }

    private static String info(SiteNode node, String section, String field) {
        try (Jedis jedis = node.jedis()) {
            String prefix = field + ":";
            return jedis.info(section).lines().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse("");
        }
    }
}
