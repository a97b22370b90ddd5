package dev.hake.bench.run;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Samples hake's live threads every few milliseconds and keeps the peak, with the threads at the
 * peak counted by name pattern (digits replaced by #) to show whose they are.
 *
 * <p>hake's threads are those of its thread group (see {@link ScaleRun}), and also, wherever they
 * were started, the {@code hake-N-*} threads of its connections and the AWS SDK's shared Netty
 * event loop: hake's SDK clients share that loop with any other default SDK client in the JVM, so
 * it may have been started outside the group. The harness's own SDK clients have loops of their own.
 */
final class ThreadSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 20;
    /** A connection's threads (hake-3-io-1), and the SDK's shared event loop; not hake-embedded-* or hake-elasticmq-*. */
    private static final Pattern HAKE_NAMES = Pattern.compile("hake-\\d+-.*|aws-java-sdk-NettyEventLoop-.*");

    private final ThreadGroup group;
    private final Thread sampler;
    private volatile boolean stopped;
    private int peak;
    private Map<String, Integer> atPeak = Map.of();

    ThreadSampler(ThreadGroup group) {
        this.group = group;
        this.sampler = new Thread(this::loop, "bench-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (!stopped) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized void sample() {
        Set<Thread> threads = hakeThreads();
        if (threads.size() > peak) {
            peak = threads.size();
            Map<String, Integer> byName = new TreeMap<>();
            for (Thread t : threads) {
                byName.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
            atPeak = byName;
        }
    }

    /** hake's threads alive now. */
    int now() {
        return hakeThreads().size();
    }

    private Set<Thread> hakeThreads() {
        Set<Thread> hake = new HashSet<>();
        for (Thread t : allThreads()) {
            if (inGroup(t) || HAKE_NAMES.matcher(t.getName()).matches()) {
                hake.add(t);
            }
        }
        return hake;
    }

    /** Every live thread; cheaper than Thread.getAllStackTraces(), which takes a stack of each. */
    private static List<Thread> allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, n);
    }

    private boolean inGroup(Thread t) {
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            if (g == group) {
                return true;
            }
        }
        return false;
    }

    synchronized int peak() {
        return peak;
    }

    synchronized Map<String, Integer> atPeak() {
        return atPeak;
    }

    /** Takes a last sample and stops sampling. */
    void stop() {
        stopped = true;
        sampler.interrupt();
        sample();
    }

    @Override
    public void close() {
        stop();
    }
}
