package org.cticache.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free, distinct loopback ports for the nodes of one topology, including each cluster node's bus port. */
final class LoopbackPorts {

    /** Redis 6.2 has no cluster-port setting: a cluster node always binds its bus at port + 10000. */
    private static final int CLUSTER_BUS_OFFSET = 10_000;

    private static final int MAX_PORT = 65_535;

    private LoopbackPorts() {
    }

    /** Ports no other process listens on; all are held open while choosing, so no two of them are the same. */
    static List<Integer> pick(int count) {
        return pick(count, false);
    }

    /** As {@link #pick(int)}, with each port's bus port (port + 10000) in range, free, and distinct from the rest. */
    static List<Integer> pickForCluster(int count) {
        return pick(count, true);
    }

    private static List<Integer> pick(int count, boolean withBus) {
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            while (ports.size() < count) {
                ServerSocket socket = bind(0);
                held.add(socket);
                int port = socket.getLocalPort();
                if (!withBus) {
                    ports.add(port);
                } else if (port + CLUSTER_BUS_OFFSET <= MAX_PORT) {
                    try {
                        held.add(bind(port + CLUSTER_BUS_OFFSET));
                        ports.add(port);
                    } catch (IOException busTaken) {
                        // Bus port taken (maybe held here): keep this port held too, so it is not offered again.
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free loopback ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }
}
