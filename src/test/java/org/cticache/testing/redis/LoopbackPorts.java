package org.cticache.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free, distinct loopback ports for servers the tests start, including each cluster node's bus port. They come
 * from below Linux's ephemeral range (32768 and up), never from it: a port the kernel handed out there is free
 * only until some client's outgoing connection takes it as its own local port, before the server binds it.
 */
public final class LoopbackPorts {

    /** Redis 6.2 has no cluster-port setting: a cluster node always binds its bus at port + 10000. */
    private static final int CLUSTER_BUS_OFFSET = 10_000;

    // Low enough that a bus port stays below the ephemeral range too.
    private static final int FIRST = 12_000;
    private static final int LAST = 22_767;

    private LoopbackPorts() {
    }

    /** A port no other process listens on. */
    public static int pickOne() {
        return pick(1).get(0);
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
        // A random start, so that test JVMs running side by side rarely try the same ports.
        int start = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
        try {
            for (int i = 0; i <= LAST - FIRST && ports.size() < count; i++) {
                int port = FIRST + (start - FIRST + i) % (LAST - FIRST + 1);
                ServerSocket socket;
                try {
                    socket = bind(port);
                } catch (IOException taken) {
                    continue;
                }
                held.add(socket);
                if (!withBus) {
                    ports.add(port);
                } else {
                    try {
                        held.add(bind(port + CLUSTER_BUS_OFFSET));
                        ports.add(port);
                    } catch (IOException busTaken) {
                        // Bus port taken (maybe held here): keep this port held too, so it is not offered again.
                    }
                }
            }
            if (ports.size() < count) {
                throw new IllegalStateException("no " + count + " free loopback ports in " + FIRST + "-" + LAST);
            }
            return ports;
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
