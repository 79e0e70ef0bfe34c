package org.cticache.testing.redis;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One node's view of a Redis Cluster, parsed from its CLUSTER NODES reply, to see who serves which slot. */
record ClusterView(List<Member> members) {

    static final int SLOTS = 16_384;

    /** One line of CLUSTER NODES: a node as the viewing node knows it. */
    record Member(String id, int port, Set<String> flags, String masterId, BitSet slots) {

        boolean isMaster() {
            return flags.contains("master");
        }

        /** Flagged failing, whether only suspected by the viewer (fail?) or agreed by a majority (fail). */
        boolean isFailing() {
            return flags.contains("fail") || flags.contains("fail?");
        }

        boolean isHandshaking() {
            return flags.contains("handshake") || flags.contains("noaddr");
        }

        @Override
        public String toString() {
            return port + " " + String.join(",", flags) + (isMaster() ? " slots " + slots.cardinality()
                    : " of " + masterId.substring(0, Math.min(8, masterId.length())));
        }
    }

    static ClusterView parse(String clusterNodes) {
        return new ClusterView(clusterNodes.lines().filter(line -> !line.isBlank()).map(ClusterView::member)
                .toList());
    }

    List<Member> masters() {
        return members.stream().filter(Member::isMaster).toList();
    }

    List<Member> replicas() {
        return members.stream().filter(member -> !member.isMaster()).toList();
    }

    Optional<Member> masterOf(int slot) {
        return members.stream().filter(member -> member.isMaster() && member.slots().get(slot)).findFirst();
    }

    @Override
    public String toString() {
        return members.toString();
    }

    // <id> <ip:port@cport> <flags> <master> <ping-sent> <pong-recv> <config-epoch> <link-state> <slot> ...
    private static Member member(String line) {
        String[] fields = line.split(" ");
        String address = fields[1];
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1, address.indexOf('@')));
        BitSet slots = new BitSet(SLOTS);
        // Slots being migrated show as [slot->-id] or [slot-<-id]; the topologies here never migrate any.
        Arrays.stream(fields, 8, fields.length).filter(range -> !range.startsWith("[")).forEach(range -> {
            int dash = range.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            slots.set(first, last + 1);
        });
        return new Member(fields[0], port, Set.of(fields[2].split(",")), fields[3], slots);
    }
}
