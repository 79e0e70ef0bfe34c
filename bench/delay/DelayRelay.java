import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's stand-in for a WAN between cticache and Redis (bench/run.sh --rtt): a TCP relay that holds every
 * chunk of bytes for a fixed delay in each direction, so a round trip through it takes twice the delay.
 *
 * <p>It is pipelined: bytes read at t are written at t + delay whatever else is in flight, so a connection's
 * requests are never serialized and the throughput is not capped by the delay (unlike the test tree's
 * LatencyProxy, which holds one request at a time). The kernel here has no netem, hence user space.
 *
 * <p>Two threads serve every connection. The reader waits on one selector and stamps each chunk as it arrives;
 * the writer sleeps until the oldest chunk falls due and writes it. The delay is the same for every chunk, so the
 * order of arrival is the order in which chunks fall due, and one FIFO queue replaces a timer per chunk. The
 * writer sleeps with parkNanos rather than in the selector, whose timeout counts whole milliseconds and added up
 * to 1 ms per direction.
 *
 * <p>Usage: {@code java DelayRelay.java LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT ONE_WAY_DELAY_MS}
 */
public final class DelayRelay {

    /** Bytes read from one socket, to be written to {@code to} at {@code due}; null bytes: close both sockets. */
    private record Chunk(long due, SocketChannel to, SocketChannel from, ByteBuffer bytes) {
    }

    private final long delayNanos;
    private final InetSocketAddress target;
    private final Selector selector;
    private final BlockingQueue<Chunk> pending = new LinkedBlockingQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    private DelayRelay(long delayNanos, InetSocketAddress target) throws IOException {
        this.delayNanos = delayNanos;
        this.target = target;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java DelayRelay.java LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT "
                    + "ONE_WAY_DELAY_MS");
            System.exit(64);
        }
        var listen = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        var target = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        long delayNanos = TimeUnit.MICROSECONDS.toNanos(Math.round(Double.parseDouble(args[4]) * 1000));
        var relay = new DelayRelay(delayNanos, target);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(listen, 1024);
        server.configureBlocking(false);
        server.register(relay.selector, SelectionKey.OP_ACCEPT);
        Thread writer = new Thread(relay::writeWhenDue, "writer");
        writer.setDaemon(true);
        writer.start();
        System.out.println("DelayRelay " + listen + " -> " + target + ", " + args[4] + " ms each way");
        relay.readAll();
    }

    /** The reader thread: accepts, connects to the target, and queues what either side sends. */
    private void readAll() throws IOException {
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    accept((ServerSocketChannel) key.channel());
                } else if (key.isReadable()) {
                    read(key);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        SocketChannel client = server.accept();
        if (client == null) {
            return;
        }
        SocketChannel upstream;
        try {
            // A blocking connect: the target is across a local veth; only the bytes are held, not the handshake.
            upstream = SocketChannel.open(target);
        } catch (IOException e) {
            System.err.println("DelayRelay: cannot connect to " + target + ": " + e);
            client.close();
            return;
        }
        register(client, upstream);
        register(upstream, client);
    }

    /** Reads from {@code from}, and writes what it read to {@code to}: the key's attachment. */
    private void register(SocketChannel from, SocketChannel to) throws IOException {
        from.configureBlocking(false);
        // Each chunk is written the moment it falls due; Nagle's algorithm would add a delay of its own.
        from.setOption(StandardSocketOptions.TCP_NODELAY, true);
        from.register(selector, SelectionKey.OP_READ, to);
    }

    private void read(SelectionKey key) {
        SocketChannel from = (SocketChannel) key.channel();
        SocketChannel to = (SocketChannel) key.attachment();
        readBuffer.clear();
        int n;
        try {
            n = from.read(readBuffer);
        } catch (IOException e) {
            n = -1;
        }
        long due = System.nanoTime() + delayNanos;
        if (n < 0) {
            // The close travels after the bytes before it, with the same delay. Redis's protocol has no use for a
            // half-closed connection, so either side's close ends both.
            key.cancel();
            pending.add(new Chunk(due, to, from, null));
            return;
        }
        readBuffer.flip();
        ByteBuffer copy = ByteBuffer.allocate(n);
        copy.put(readBuffer).flip();
        pending.add(new Chunk(due, to, from, copy));
    }

    /** The writer thread: each chunk in arrival order, at its time. */
    private void writeWhenDue() {
        while (true) {
            Chunk chunk;
            try {
                chunk = pending.take();
            } catch (InterruptedException e) {
                return;
            }
            for (long wait = chunk.due - System.nanoTime(); wait > 0; wait = chunk.due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (chunk.bytes == null) {
                closeQuietly(chunk.to);
                closeQuietly(chunk.from);
                continue;
            }
            try {
                writeFully(chunk.to, chunk.bytes);
            } catch (IOException e) {
                closeQuietly(chunk.to);
                closeQuietly(chunk.from);
            }
        }
    }

    /** The sockets are non-blocking (the reader's selector needs them so); a full send buffer is waited out. */
    private static void writeFully(SocketChannel to, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (to.write(bytes) == 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already closed by the other side's chunk, or reset: nothing is left to do with it.
        }
    }
}
