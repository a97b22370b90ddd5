package dev.hake.embedded.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one HTTP port that clients see; what it serves is up to the handler given at start. */
final class FrontServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private FrontServer(HttpServer server) {
        this.server = server;
        // Unbounded because every SQS long poll holds a thread for up to 20 s; a fixed pool would
        // let idle consumers starve everyone else. Idle threads die after a minute.
        this.executor = Executors.newCachedThreadPool(daemonThreads("hake-embedded-http-"));
        server.setExecutor(executor);
    }

    /**
     * The JDK server leaves Nagle's algorithm on, and with the SDK's small requests that meets
     * delayed ACKs: about 40 ms per call instead of a few. The server reads this property once,
     * when its first instance is made, so it is set (unless someone chose a value) before that.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** Binds the address now, so the port is known before anything else starts. */
    static FrontServer bind(InetSocketAddress address) {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        try {
            return new FrontServer(HttpServer.create(address, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind " + address, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(HttpHandler handler) {
        server.createContext("/", handler);
        // The JDK server's dispatcher thread inherits the daemon flag of the thread that starts it.
        // Starting it from a daemon thread means a forgotten instance cannot keep the JVM alive
        // (and the shared instance's shutdown hook can run at all).
        Thread starter = daemonThreads("hake-embedded-start").newThread(server::start);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the front server", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
