package org.cticache.testing.redis;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cticache.testing.redis.ClusterView.Member;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** A real 3-master/3-replica Redis Cluster on loopback, formed by hand, whose masters a test can kill. */
public final class ClusterSetup implements AutoCloseable {

    private static final int SHARDS = 3;
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisNode> nodes = new ArrayList<>();

    private ClusterSetup() {
    }

    /**
     * Starts six nodes and forms the cluster the way redis-cli --cluster create would (redis-cli may not be
     * installed): slots on the first three, MEET, REPLICATE; returns once every node sees it whole and in sync.
     */
    public static ClusterSetup start() {
        ClusterSetup cluster = new ClusterSetup();
        try {
            for (int port : LoopbackPorts.pickForCluster(2 * SHARDS)) {
                cluster.nodes.add(RedisNode.start(port, List.of("--cluster-enabled", "yes",
                        // Relative to the node's own directory, so six nodes never share one file.
                        "--cluster-config-file", "nodes-" + port + ".conf",
                        "--cluster-node-timeout", "1000",
                        // A replica may take over however long ago it last heard from its master.
                        "--cluster-replica-validity-factor", "0",
                        // A dead master stops only its own slots, not the whole cluster, while a replica takes over.
                        "--cluster-require-full-coverage", "no")));
            }
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The six nodes as "127.0.0.1:port" separated by commas, as cticache.redis.nodes takes them. */
    public String seedNodes() {
        return nodes.stream().map(node -> node.hostAndPort().toString()).collect(Collectors.joining(","));
    }

    /** All six nodes, in start order, dead ones included. */
    public List<RedisNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The node that serves the key's slot now, as a live node sees the cluster. */
    public RedisNode masterForKey(String key) {
        try (Jedis jedis = anyLiveNode().jedis()) {
            int slot = (int) jedis.clusterKeySlot(key);
            ClusterView view = ClusterView.parse(jedis.clusterNodes());
            Member master = view.masterOf(slot).orElseThrow(() -> new IllegalStateException(
                    "no master serves slot " + slot + " of " + key + "; the cluster: " + view));
            return node(master.port());
        }
    }

    /** Kills (SIGKILL) the master that serves the key's slot. */
    public void killMasterOf(String key) {
        masterForKey(key).kill();
    }

    /**
     * Waits until every live node says cluster_state:ok and sees every slot served by a live master that is not
     * flagged failing: after a kill, that is when the dead master's replica has taken over its slots.
     */
    public void awaitHealthy(Duration max) {
        await("every slot to be served by a live master, as every live node sees it").atMost(max)
                .ignoreExceptionsInstanceOf(JedisException.class).until(() -> {
                    for (RedisNode node : liveNodes()) {
                        String unhealthy = unhealthy(node);
                        if (!unhealthy.isEmpty()) {
                            return node + ": " + unhealthy;
                        }
                    }
                    return "";
                }, String::isEmpty);
    }

    @Override
    public void close() {
        nodes.forEach(RedisNode::close);
    }

    private void form() {
        List<RedisNode> masters = nodes.subList(0, SHARDS);
        List<RedisNode> replicas = nodes.subList(SHARDS, 2 * SHARDS);
        List<String> masterIds = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            try (Jedis jedis = masters.get(shard).jedis()) {
                // CLUSTER ADDSLOTSRANGE is Redis 7.0+; one ADDSLOTS with a third of the slots is well within limits.
                jedis.clusterAddSlots(IntStream.range(firstSlot(shard), firstSlot(shard + 1)).toArray());
                masterIds.add(jedis.clusterMyId());
            }
        }
        RedisNode first = nodes.get(0);
        for (RedisNode node : nodes.subList(1, nodes.size())) {
            try (Jedis jedis = node.jedis()) {
                jedis.clusterMeet("127.0.0.1", first.port());
            }
        }
        await("all six nodes to know each other").atMost(FORM_TIMEOUT)
                .ignoreExceptionsInstanceOf(JedisException.class).until(() -> {
                    for (RedisNode node : nodes) {
                        try (Jedis jedis = node.jedis()) {
                            ClusterView view = ClusterView.parse(jedis.clusterNodes());
                            if (view.members().size() != nodes.size()
                                    || view.members().stream().anyMatch(Member::isHandshaking)) {
                                return node + " sees " + view;
                            }
                        }
                    }
                    return "";
                }, String::isEmpty);
        for (int shard = 0; shard < SHARDS; shard++) {
            try (Jedis jedis = replicas.get(shard).jedis()) {
                jedis.clusterReplicate(masterIds.get(shard));
            }
        }
        await("the cluster to be whole, with each replica in sync, as every node sees it").atMost(FORM_TIMEOUT)
                .ignoreExceptionsInstanceOf(JedisException.class).until(() -> {
                    for (RedisNode node : nodes) {
                        String unformed = unformed(node, replicas.contains(node));
                        if (!unformed.isEmpty()) {
                            return node + ": " + unformed;
                        }
                    }
                    return "";
                }, String::isEmpty);
    }

    /** Why the node does not yet see three masters, each with its replica, serving all slots; empty when it does. */
    private String unformed(RedisNode node, boolean isReplica) {
        String unhealthy = unhealthy(node);
        if (!unhealthy.isEmpty()) {
            return unhealthy;
        }
        try (Jedis jedis = node.jedis()) {
            ClusterView view = ClusterView.parse(jedis.clusterNodes());
            // A master votes for a replica's takeover only if it knows that replica as the failed master's.
            long replicated = view.replicas().stream()
                    .filter(replica -> view.masters().stream().anyMatch(m -> m.id().equals(replica.masterId())))
                    .count();
            if (view.masters().size() != SHARDS || replicated != SHARDS) {
                return "sees " + view;
            }
        }
        String link = isReplica ? node.info("replication", "master_link_status") : "up";
        return link.equals("up") ? "" : "master_link_status:" + link;
    }

    /** Why the node does not yet see every slot served by a live, unsuspected master; empty when it does. */
    private String unhealthy(RedisNode node) {
        try (Jedis jedis = node.jedis()) {
            String state = InfoFields.get(jedis.clusterInfo(), "cluster_state");
            if (!state.equals("ok")) {
                return "cluster_state:" + state;
            }
            ClusterView view = ClusterView.parse(jedis.clusterNodes());
            BitSet served = new BitSet(ClusterView.SLOTS);
            for (Member master : view.masters()) {
                if (!master.isFailing() && node(master.port()).isAlive()) {
                    served.or(master.slots());
                }
            }
            return served.cardinality() == ClusterView.SLOTS ? ""
                    : (ClusterView.SLOTS - served.cardinality()) + " slots without a live master in " + view;
        }
    }

    /** The split redis-cli makes: 0-5460, 5461-10922, 10923-16383. */
    private static int firstSlot(int shard) {
        return (int) Math.round((double) shard * ClusterView.SLOTS / SHARDS);
    }

    private List<RedisNode> liveNodes() {
        return nodes.stream().filter(RedisNode::isAlive).toList();
    }

    private RedisNode anyLiveNode() {
        return liveNodes().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster is alive"));
    }

    private RedisNode node(int port) {
        return nodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of this cluster listens on " + port));
    }
}
