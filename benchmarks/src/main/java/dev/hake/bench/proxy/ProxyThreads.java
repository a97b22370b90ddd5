package dev.hake.bench.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The counting proxy's threads, in a thread group of their own, and the CPU they have used. The
 * JDK's HTTP server and client start their dispatcher and selector threads in the group of the
 * thread that builds them, so the proxy is built on a thread of this group ({@link #build}).
 */
final class ProxyThreads {

    private static final long BUILD_LIMIT_SECONDS = 30;

    private final ThreadGroup group = new ThreadGroup("bench-proxy");
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

    ProxyThreads() {
        if (!threadBean.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time, which the benchmark needs");
        }
        threadBean.setThreadCpuTimeEnabled(true);
    }

    /** Daemon threads of this group named {@code prefix1}, {@code prefix2}, ... */
    ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(group, r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code builder} on a new thread of this group and returns what it built. */
    <T> T build(Supplier<T> builder) {
        FutureTask<T> task = new FutureTask<>(builder::get);
        Thread t = new Thread(group, task, "bench-proxy-start");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(BUILD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the counting proxy did not start within " + BUILD_LIMIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the counting proxy", e);
        }
    }

    /** The CPU time of the group's live threads, summed. */
    long cpuNanos() {
        Thread[] threads = new Thread[group.activeCount() * 2 + 16];
        int n = group.enumerate(threads, true);
        return Arrays.stream(threads, 0, n).mapToLong(t -> Math.max(0, threadBean.getThreadCpuTime(t.getId()))).sum();
    }
}
