package dev.hake.embedded.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that deliver published messages to subscribed queues after Publish has answered,
 * several subscriptions at once. Few, because ElasticMQ does the actual work on its own threads;
 * more would only queue there. Daemon threads that end after a minute idle, so a forgotten or idle
 * instance holds none.
 */
final class FanOutThreads implements Executor, AutoCloseable {

    private static final int THREADS = 4;
    private static final long IDLE_SECONDS = 60;
    private static final long DRAIN_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(FanOutThreads.class);

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

    /**
     * Lets deliveries already accepted finish (for at most {@link #DRAIN_SECONDS} s) before the
     * SQS side stops, so that a message whose Publish succeeded is not lost by an orderly close.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Deliveries to subscribed queues did not finish within {} s; the rest are dropped",
                        DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }
}
