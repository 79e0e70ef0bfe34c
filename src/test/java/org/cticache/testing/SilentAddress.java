package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address where a connection is never answered, as across a network partition that drops packets: a
 * listening socket that accepts nothing, its queue filled, so Linux drops every further SYN and a connect times out.
 */
public final class SilentAddress implements AutoCloseable {

    private static final int CONNECT_MILLIS = 200;
    private static final int MOST_FILLERS = 16;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private SilentAddress() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        // Connects complete until the accept queue is full; the first one that times out proves it is.
        while (true) {
            if (fillers.size() == MOST_FILLERS) {
                throw new IllegalStateException(MOST_FILLERS + " connections to a socket that accepts none"
                        + " all completed: this kernel does not drop connects to a full queue");
            }
            Socket filler = new Socket();
            try {
                filler.connect(server.getLocalSocketAddress(), CONNECT_MILLIS);
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return;
            }
        }
    }

    public static SilentAddress open() {
        try {
            return new SilentAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            for (Socket filler : fillers) {
                filler.close();
            }
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
