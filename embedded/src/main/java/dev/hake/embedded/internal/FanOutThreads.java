package dev.hake.embedded.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which a publish serves several subscriptions at once, so that its round trip
 * does not grow with the number of subscriptions. Few, because ElasticMQ does the actual work on
 * its own threads; more would only queue there. Daemon threads that end after a minute idle, so a
 * forgotten or idle instance holds none.
 */
final class FanOutThreads implements Executor, AutoCloseable {

    private static final int THREADS = 4;
    private static final long IDLE_SECONDS = 60;

    private final ThreadPoolExecutor pool;

    FanOutThreads() {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "hake-embedded-fan-out-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
