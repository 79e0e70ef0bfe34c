package org.cticache.testing.redis;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real master, two replicas and three sentinels on loopback, whose master a test can kill to watch a failover.
 * Two replicas, so that after a failover the new master still has one and a WAIT for one replica can succeed.
 */
public final class SentinelSetup implements AutoCloseable {

    private static final String MASTER_NAME = "cticache";
    private static final int SENTINELS = 3;
    private static final int REPLICAS = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisNode> dataNodes = new ArrayList<>();
    private final List<RedisNode> sentinels = new ArrayList<>();
    private HostAndPort killedMaster;

    private SentinelSetup() {
    }

    /** Starts master, replicas and sentinels; returns once the replicas are in sync and every sentinel sees all. */
    public static SentinelSetup start() {
        SentinelSetup setup = new SentinelSetup();
        try {
            List<Integer> ports = LoopbackPorts.pick(1 + REPLICAS + SENTINELS);
            RedisNode master = RedisNode.start(ports.get(0), List.of());
            setup.dataNodes.add(master);
            for (int port : ports.subList(1, 1 + REPLICAS)) {
                RedisNode replica = RedisNode.start(port,
                        List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
                setup.dataNodes.add(replica);
                await(replica + " to sync with its master").atMost(START_TIMEOUT)
                        .ignoreExceptionsInstanceOf(JedisException.class)
                        .until(() -> "master_link_status:" + replica.info("replication", "master_link_status"),
                                "master_link_status:up"::equals);
            }
            for (int port : ports.subList(1 + REPLICAS, ports.size())) {
                setup.sentinels.add(RedisNode.startSentinel(port, List.of(
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                        "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                        // A sentinel that took no part in a failover tries its own after twice this; at 3 s, on a
                        // busy machine, one did so before the new master's news reached it and failed over again.
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1")));
            }
            setup.awaitSentinelsAgree();
            return setup;
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    /** The name the sentinels monitor the master under, as cticache.redis.sentinel.master takes it. */
    public String masterName() {
        return MASTER_NAME;
    }

    /** The three sentinels as "127.0.0.1:port" separated by commas, as cticache.redis.nodes takes them. */
    public String sentinelNodes() {
        return sentinels.stream().map(node -> node.hostAndPort().toString()).collect(Collectors.joining(","));
    }

    /** The node the sentinels name as master now (after a kill and before the failover, the dead one). */
    public RedisNode master() {
        return dataNode(currentMaster());
    }

    /** A data node the sentinels do not name as master now. */
    public RedisNode replica() {
        RedisNode master = master();
        return dataNodes.stream().filter(node -> node != master).findFirst().orElseThrow();
    }

    /** Kills (SIGKILL) the node the sentinels name as master now. */
    public void killMaster() {
        RedisNode master = master();
        master.kill();
        killedMaster = master.hostAndPort();
    }

    /**
     * Waits until every sentinel names another node than the killed master and that node says role:master;
     * all three must agree, so that a client asking any sentinel afterwards finds the new master.
     */
    public HostAndPort awaitFailover(Duration max) {
        HostAndPort killed = killedMaster;
        if (killed == null) {
            throw new IllegalStateException("no master was killed, so there is no failover to wait for");
        }
        // A node that is down (the killed one, say) answers with an error: not yet.
        await("the sentinels to promote a replica in place of " + killed).atMost(max)
                .ignoreExceptionsInstanceOf(JedisException.class)
                .until(() -> notPromoted(killed), String::isEmpty);
        return currentMaster();
    }

    /** What the sentinels and the node they name show that is not a promotion yet; empty once it is one. */
    private String notPromoted(HostAndPort killed) {
        Set<HostAndPort> named = new LinkedHashSet<>();
        for (RedisNode sentinel : sentinels) {
            named.add(masterNamedBy(sentinel));
        }
        if (named.size() != 1 || named.contains(killed)) {
            return "the sentinels name " + named;
        }
        HostAndPort promoted = named.iterator().next();
        String role = dataNode(promoted).info("replication", "role");
        return role.equals("master") ? "" : promoted + " says role:" + role;
    }

    /** A new client to the node the sentinels name as master now; close it after use. */
    public Jedis masterClient() {
        return new Jedis(currentMaster());
    }

    /** Kills the sentinels first, so that they do not react to the data nodes going away. */
    @Override
    public void close() {
        sentinels.forEach(RedisNode::close);
        dataNodes.forEach(RedisNode::close);
    }

    private void awaitSentinelsAgree() {
        await("every sentinel to see the master healthy, its replicas and the two other sentinels")
                .atMost(START_TIMEOUT).ignoreExceptionsInstanceOf(JedisException.class).until(() -> {
                    for (RedisNode sentinel : sentinels) {
                        try (Jedis jedis = sentinel.jedis()) {
                            Map<String, String> master = jedis.sentinelMaster(MASTER_NAME);
                            if (!master.get("flags").equals("master")
                                    || !master.get("num-slaves").equals(Integer.toString(REPLICAS))
                                    || !master.get("num-other-sentinels").equals("2")) {
                                return sentinel + " sees flags=" + master.get("flags") + " num-slaves="
                                        + master.get("num-slaves") + " num-other-sentinels="
                                        + master.get("num-other-sentinels");
                            }
                        }
                    }
                    return "";
                }, String::isEmpty);
    }

    private HostAndPort currentMaster() {
        return masterNamedBy(sentinels.get(0));
    }

    private static HostAndPort masterNamedBy(RedisNode sentinel) {
        try (Jedis jedis = sentinel.jedis()) {
            List<String> address = jedis.sentinelGetMasterAddrByName(MASTER_NAME);
            return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
        }
    }

    private RedisNode dataNode(HostAndPort address) {
        return dataNodes.stream().filter(node -> node.hostAndPort().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of this setup is at " + address));
    }
}
