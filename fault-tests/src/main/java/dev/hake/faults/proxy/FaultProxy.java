package dev.hake.faults.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 proxy in front of one SNS+SQS endpoint that injects faults into a seeded
 * share of the requests. It works on raw sockets, one thread per client connection, because some
 * faults (a reset before or after the backend answered) live below HTTP. Requests go to the
 * backend unchanged (Host included, so signatures stay valid); answers come back with a
 * Content-Length.
 *
 * <p>Faults are off until {@link #inject} switches them on, and apply only to the actions the
 * plan names ({@link AwsAction#MESSAGE_PATH} by default), so creating and deleting queues, topics
 * and subscriptions is never faulted. The fault decisions come from one {@link Random} with the
 * given seed, so a run with the same seed and the same order of requests faults the same ones.
 */
public final class FaultProxy implements AutoCloseable {

    /** At most this many client connections at once; more are closed at once (and counted). */
    static final int MAX_CONNECTIONS = 256;
    private static final long LATENCY_MIN_MILLIS = 1_000;
    private static final long LATENCY_SPREAD_MILLIS = 2_000;

    private final InetSocketAddress backend;
    private final ServerSocket server;
    private final long seed;
    private final Random random;
    private final FaultCounts counts = new FaultCounts();
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile FaultPlan plan;
    private volatile boolean closed;

    private FaultProxy(URI target, ServerSocket server, long seed) {
        this.backend = new InetSocketAddress(target.getHost(), target.getPort() < 0 ? 80 : target.getPort());
        this.server = server;
        this.seed = seed;
        this.random = new Random(seed);
        this.acceptor = new Thread(this::accept, "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy on a free 127.0.0.1 port in front of {@code target} (an http:// endpoint). */
    public static FaultProxy start(URI target, long seed) {
        if (!"http".equals(target.getScheme())) {
            throw new IllegalArgumentException("the fault proxy forwards plain HTTP only, not " + target);
        }
        try {
            ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            return new FaultProxy(target, server, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fault proxy", e);
        }
    }

    /** Where clients send their requests. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The seed of the fault decisions. */
    public long seed() {
        return seed;
    }

    /** Switches faults on (or replaces the plan in force). */
    public void inject(FaultPlan plan) {
        this.plan = plan;
    }

    /** Switches faults off: every request is forwarded from now on. */
    public void stopInjecting() {
        this.plan = null;
    }

    /** What the proxy did so far. */
    public FaultCounts counts() {
        return counts;
    }

    /** The fault for one request, already made concrete ({@link FaultKind#MIXED} resolved); null for none. */
    FaultKind decide(AwsAction action) {
        FaultPlan p = plan;
        if (p == null || !p.covers(action)) {
            return null;
        }
        synchronized (random) {
            return random.nextDouble() < p.rate() ? p.kind().concrete(random) : null;
        }
    }

    long latencyMillis() {
        synchronized (random) {
            return LATENCY_MIN_MILLIS + (long) (random.nextDouble() * LATENCY_SPREAD_MILLIS);
        }
    }

    InetSocketAddress backend() {
        return backend;
    }

    void record(AwsAction action, String outcome) {
        counts.record(action.name(), outcome);
    }

    void ended(ProxiedConnection connection) {
        connections.remove(connection);
    }

    boolean isClosed() {
        return closed;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                counts.record("(connection)", "refused-over-limit");
                closeQuietly(client);
                continue;
            }
            ProxiedConnection connection = new ProxiedConnection(this, client);
            connections.add(connection);
            Thread t = new Thread(connection, "fault-proxy-" + server.getLocalPort() + "-" + client.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops accepting, cuts every open connection, and waits (briefly) for the acceptor to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        connections.forEach(ProxiedConnection::close);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + endpoint() + " -> " + backend + ", seed " + seed + "]";
    }
}
