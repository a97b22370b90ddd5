package dev.hake.jms;

import dev.hake.core.CoreThreads;
import dev.hake.core.HakeCore;
import dev.hake.core.HakeSettings;
import dev.hake.core.TrustedClasses;
import dev.hake.core.receive.VisibilityKeeper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What one connection shares among all its sessions: its {@link HakeCore} (AWS clients,
 * topology caches, sender, acknowledger) and a few threads. Listener deliveries run on a bounded
 * pool (setting {@code listenerThreads}) whose threads go away when idle, so idle consumers cost no
 * threads and busy ones at most that many.
 */
final class ConnectionServices implements AutoCloseable {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    final HakeSettings settings;
    final HakeCore core;
    final ExecutorService deliveries;
    final Predicate<String> trustedClasses;
    /** Extends the visibility of messages whose MessageListener runs long; one timer for the connection. */
    final VisibilityKeeper listenerVisibility;
    private volatile CompletableFuture<Void> closed;

    private ConnectionServices(HakeSettings settings, String user, String password, CoreOpener opener) {
        int id = CONNECTIONS.incrementAndGet();
        this.settings = settings;
        this.core = opener.open(settings, user, password, CoreThreads.daemons("hake-" + id));
        this.deliveries = listenerPool(settings.listenerThreads(), CoreThreads.daemon("hake-" + id + "-delivery"));
        this.trustedClasses = TrustedClasses.packages(settings.trustedPackages());
        this.listenerVisibility = new VisibilityKeeper(core.acknowledger(), core.scheduler(),
                settings.visibilityTimeoutSeconds());
    }

    static ConnectionServices open(HakeSettings settings, String user, String password, CoreOpener opener) {
        return new ConnectionServices(settings, user, password, opener);
    }

    /**
     * Acknowledgements are flushed before this returns; the AWS clients and the threads they use
     * stay until the receives still in flight have landed (see {@link HakeCore#closeAsync}).
     */
    @Override
    public void close() {
        listenerVisibility.close();
        deliveries.shutdown();
        closed = core.closeAsync();
    }

    /** Completes once {@link #close} has finished in the background (null before close). */
    CompletableFuture<Void> closed() {
        return closed;
    }

    /**
     * Up to {@code threads} threads, each created when a listener needs one and gone after a minute
     * idle; sessions beyond that wait in line. (A cached pool would grow a thread per session whose
     * listener is busy: a thousand slow listeners, a thousand threads.)
     */
    private static ExecutorService listenerPool(int threads, ThreadFactory factory) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
