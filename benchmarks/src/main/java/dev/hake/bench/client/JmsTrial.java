package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JMS producer and consumers written to one profile; for the drain scenario, consumers only.
 * The consumers take messages once {@link #start()} starts their connection.
 */
final class JmsTrial implements Trial, DrainConsumers {

    /** Async sends in flight at most: a bounded window, as careful code has. */
    static final int ASYNC_WINDOW = 100;
    static final int TRANSACTION_SIZE = 10;
    /** Messages per acknowledge() in the CLIENT_ACKNOWLEDGE profile. */
    static final int ACKNOWLEDGE_EVERY = 10;
    /** How long a transacted consumer waits for more before it commits a short batch. */
    private static final long SHORT_BATCH_WAIT_MILLIS = 20;
    private static final long IDLE_WAIT_MILLIS = 1_000;
    private static final long ASYNC_DRAIN_SECONDS = 120;

    private final JmsProfile profile;
    private final Connection consumerConnection;
    private final List<Thread> receiveLoops = new ArrayList<>();
    private final List<EveryNthAcknowledger> acknowledgers = new ArrayList<>();
    private Connection producerConnection;
    private Session producerSession;
    private MessageProducer producer;
    private volatile boolean stopped;

    JmsTrial(JmsProfile profile, Connection consumerConnection) {
        this.profile = profile;
        this.consumerConnection = consumerConnection;
    }

    void produceWith(Connection connection, Session session, MessageProducer producer) {
        this.producerConnection = connection;
        this.producerSession = session;
        this.producer = producer;
    }

    /** A listener, or for transacted sessions a receive loop on a thread of its own. */
    void consume(Session session, MessageConsumer consumer, int subscription, Deliveries deliveries)
            throws JMSException {
        if (profile == JmsProfile.CLIENT_ACKNOWLEDGE) {
            EveryNthAcknowledger acknowledger = new EveryNthAcknowledger(ACKNOWLEDGE_EVERY);
            acknowledgers.add(acknowledger);
            consumer.setMessageListener(m -> {
                deliveries.record(subscription, text(m));
                try {
                    acknowledger.received(m);
                } catch (JMSException e) {
                    throw new IllegalStateException("acknowledge() failed", e);
                }
            });
            return;
        }
        if (!profile.transacted()) {
            consumer.setMessageListener(m -> deliveries.record(subscription, text(m)));
            return;
        }
        Thread loop = new Thread(() -> receiveLoop(session, consumer, subscription, deliveries),
                "bench-jms-receive-" + subscription + "-" + receiveLoops.size());
        loop.setDaemon(true);
        receiveLoops.add(loop);
        loop.start();
    }

    private void receiveLoop(Session session, MessageConsumer consumer, int subscription, Deliveries deliveries) {
        int uncommitted = 0;
        try {
            while (!stopped) {
                Message m = consumer.receive(uncommitted > 0 ? SHORT_BATCH_WAIT_MILLIS : IDLE_WAIT_MILLIS);
                if (m != null) {
                    deliveries.record(subscription, text(m));
                    uncommitted++;
                }
                if (uncommitted == TRANSACTION_SIZE || (m == null && uncommitted > 0)) {
                    session.commit();
                    uncommitted = 0;
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (!stopped) {
                System.err.println("transacted consumer failed: " + e);
            }
        }
    }

    /** Starts the consumers' connection: messages flow from now on. */
    @Override
    public void start() throws JMSException {
        consumerConnection.start();
    }

    @Override
    public void acknowledgeRemaining() throws JMSException {
        for (EveryNthAcknowledger acknowledger : acknowledgers) {
            acknowledger.acknowledgeRemaining();
        }
    }

    @Override
    public void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws Exception {
        switch (profile) {
            case PLAIN, CLIENT_ACKNOWLEDGE -> sendSync(firstSeq, count, bodyBytes, sendLatency);
            case THROUGHPUT -> sendAsync(firstSeq, count, bodyBytes, sendLatency);
            case TRANSACTED -> sendTransacted(firstSeq, count, bodyBytes, sendLatency);
        }
    }

    private void sendSync(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws JMSException {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            TextMessage message = producerSession.createTextMessage(Payload.body(seq, bodyBytes));
            long start = System.nanoTime();
            producer.send(message);
            sendLatency.add(System.nanoTime() - start);
        }
    }

    private void sendAsync(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws Exception {
        Semaphore window = new Semaphore(ASYNC_WINDOW);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            window.acquire();
            TextMessage message = producerSession.createTextMessage(Payload.body(seq, bodyBytes));
            long start = System.nanoTime();
            producer.send(message, new CompletionListener() {
                @Override
                public void onCompletion(Message m) {
                    sendLatency.add(System.nanoTime() - start);
                    window.release();
                }

                @Override
                public void onException(Message m, Exception e) {
                    failure.compareAndSet(null, e);
                    window.release();
                }
            });
        }
        // All permits back: every send has completed.
        if (!window.tryAcquire(ASYNC_WINDOW, ASYNC_DRAIN_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("async sends did not complete within " + ASYNC_DRAIN_SECONDS + " s");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void sendTransacted(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws JMSException {
        for (int seq = firstSeq; seq < firstSeq + count; seq += TRANSACTION_SIZE) {
            List<TextMessage> batch = new ArrayList<>();
            for (int s = seq; s < Math.min(seq + TRANSACTION_SIZE, firstSeq + count); s++) {
                batch.add(producerSession.createTextMessage(Payload.body(s, bodyBytes)));
            }
            long start = System.nanoTime();
            for (TextMessage m : batch) {
                producer.send(m);
            }
            producerSession.commit();
            sendLatency.add(System.nanoTime() - start);
        }
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    @Override
    public void close() {
        stopped = true;
        closeQuietly(producerConnection);
        closeQuietly(consumerConnection);
        for (Thread loop : receiveLoops) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                System.err.println("closing a connection failed: " + e);
            }
        }
    }
}
