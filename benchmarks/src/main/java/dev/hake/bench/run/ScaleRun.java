package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Payload;
import dev.hake.bench.client.HakeVendor;
import dev.hake.bench.client.TrialSetup;
import dev.hake.bench.proxy.RequestCounts;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One hake connection, a session and a listening consumer on each of {@code queues} queues, then
 * one message to each queue. Measures hake's threads and heap, and whether every consumer got
 * its message.
 *
 * <p>hake's threads are told apart from the harness's and the in-process backend's by thread
 * group: the connection is made, and its consumers created, from a thread of a group of its own,
 * and a thread hake starts later is started by one of its own threads, so it joins that group
 * (see {@link ThreadSampler} for the exceptions).
 */
public final class ScaleRun {

    private static final long IDLE_MILLIS = 2_000;
    private static final int BODY_BYTES = 256;

    private ScaleRun() {
    }

    /**
     * @param listenerMillis how long each listener works on its message (0: returns at once); a
     *                       listener that takes time keeps a delivery thread busy meanwhile
     */
    public static ScaleResult run(Harness harness, int queues, int listenerMillis) {
        TrialSetup setup = harness.newTrial();
        Deliveries deliveries = new Deliveries(queues, 1);
        ThreadGroup group = new ThreadGroup("hake-under-test");
        AtomicReference<Connection> connection = new AtomicReference<>();
        var threadBean = ManagementFactory.getThreadMXBean();
        try {
            List<String> urls = harness.admin().createQueues(queues, i -> setup.prefix() + "s" + i);
            long heapBefore = heapAfterGc();
            threadBean.resetPeakThreadCount();
            RequestCounts beforeSetup = harness.proxy().counts();
            long setupStart = System.nanoTime();
            inGroup(group, () -> connection.set(openConsumers(setup, queues, deliveries, listenerMillis)));
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            RequestCounts afterSetup = harness.proxy().counts();
            try (ThreadSampler threads = new ThreadSampler(group)) {
                TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
                int idleThreads = threads.now();
                RequestCounts beforeDelivery = harness.proxy().counts();
                long sendStart = System.nanoTime();
                harness.admin().forEach(queues, i -> harness.admin().aws().sqs()
                        .sendMessage(r -> r.queueUrl(urls.get(i)).messageBody(Payload.body(0, BODY_BYTES))));
                boolean all = deliveries.awaitAll(harness.timeCap());
                double deliverySeconds = (deliveries.lastDistinctNanos() - sendStart) / 1e9;
                RequestCounts afterDelivery = Quiet.afterAcknowledgements(harness.proxy());
                threads.stop();
                long heapAfter = heapAfterGc();
                return new ScaleResult(queues, listenerMillis, deliveries.distinct(), setupSeconds,
                        Math.max(0, deliverySeconds),
                        idleThreads, threads.peak(), threads.atPeak(), threadBean.getPeakThreadCount(),
                        heapAfter - heapBefore, heapAfter, afterSetup.minus(beforeSetup),
                        afterDelivery.minus(beforeDelivery),
                        all ? null : "time cap of " + harness.timeCap().toSeconds() + " s reached");
            }
        } catch (Exception e) {
            return new ScaleResult(queues, listenerMillis, deliveries.distinct(), 0, 0, 0, 0, Map.of(), 0, 0, 0,
                    RequestCounts.none(), RequestCounts.none(), e.toString());
        } finally {
            Connection c = connection.get();
            if (c != null) {
                try {
                    inGroup(group, c::close);
                } catch (Exception e) {
                    System.err.println("[bench] closing the scale connection failed: " + e);
                }
            }
            harness.cleanUp(setup);
        }
    }

    private static Connection openConsumers(TrialSetup setup, int queues, Deliveries deliveries, int listenerMillis)
            throws JMSException {
        Connection connection = HakeVendor.connectionFactory(setup).createConnection();
        for (int i = 0; i < queues; i++) {
            int queue = i;
            // A session per consumer, as Spring's listener containers have.
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("s" + i));
            consumer.setMessageListener(m -> {
                try {
                    // Stands for the application's work (a database write, a call out).
                    TimeUnit.MILLISECONDS.sleep(listenerMillis);
                    deliveries.record(queue, ((TextMessage) m).getText());
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        connection.start();
        return connection;
    }

    private interface JmsAction {
        void run() throws Exception;
    }

    /** Runs {@code action} on a new thread of {@code group} and waits for it. */
    private static void inGroup(ThreadGroup group, JmsAction action) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(group, () -> {
            try {
                action.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "bench-scale-setup");
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
