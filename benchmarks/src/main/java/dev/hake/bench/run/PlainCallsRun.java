package dev.hake.bench.run;

import dev.hake.bench.Harness;
import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import dev.hake.bench.client.BatchSender;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.JmsAccess;
import dev.hake.bench.client.TrialSetup;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Plain JMS, one call at a time on one thread with nothing in between, AUTO_ACKNOWLEDGE: {@code calls}
 * synchronous sends to a queue no one consumes; then as many {@code receive(timeout)} calls on it,
 * most answered from the prefetch buffer; then an AUTO_ACKNOWLEDGE listener on a second queue
 * holding a backlog of {@code calls}. Each call is timed, and each stretch's requests and client
 * CPU are counted on their own. Every stage has a connection of its own, closed before the next.
 */
public final class PlainCallsRun {

    /** Sends and receives made before each measured stretch, unmeasured: the JIT and the first requests' setup are behind it. */
    static final int UNMEASURED_CALLS = 200;
    static final int BODY_BYTES = 256;
    private static final String SENT_QUEUE = "q";
    private static final String BACKLOG_QUEUE = "backlog";
    /** Far longer than a poll: a receive that waits this long has found the queue empty, which is an error here. */
    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;

    private PlainCallsRun() {
    }

    public static PlainCallsResult run(Harness harness, ClientUnderTest client, int calls) {
        TrialSetup setup = harness.newTrial();
        JmsAccess jms = client.jms(setup);
        CallStretch send = CallStretch.unmeasured();
        CallStretch receive = CallStretch.unmeasured();
        CallStretch listener = CallStretch.unmeasured();
        String error = null;
        try {
            send = sends(harness, jms, calls);
            receive = receives(harness, jms, calls);
            listener = listener(harness, setup, jms, calls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.toString();
        } finally {
            harness.cleanUp(setup);
        }
        return new PlainCallsResult(client.name(), send, receive, listener, error);
    }

    private static CallStretch sends(Harness harness, JmsAccess jms, int calls) throws Exception {
        try (Connection connection = jms.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(jms.queue(session, SENT_QUEUE));
            send(session, producer, 0, UNMEASURED_CALLS, new Samples());
            Samples times = new Samples();
            CallMeter meter = CallMeter.start(harness);
            send(session, producer, UNMEASURED_CALLS, calls, times);
            return meter.stop(calls, System.nanoTime(), times);
        }
    }

    private static void send(Session session, MessageProducer producer, int firstSeq, int count, Samples times)
            throws JMSException {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            var message = session.createTextMessage(Payload.body(seq, BODY_BYTES));
            long start = System.nanoTime();
            producer.send(message);
            times.add(System.nanoTime() - start);
        }
    }

    /** Receives every message the send stage left on the queue, the unmeasured ones first. */
    private static CallStretch receives(Harness harness, JmsAccess jms, int calls) throws Exception {
        try (Connection connection = jms.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(jms.queue(session, SENT_QUEUE));
            connection.start();
            receive(consumer, UNMEASURED_CALLS, new Samples());
            Samples times = new Samples();
            CallMeter meter = CallMeter.start(harness);
            receive(consumer, calls, times);
            return meter.stop(calls, System.nanoTime(), times);
        }
    }

    private static void receive(MessageConsumer consumer, int count, Samples times) throws JMSException {
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            var message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            times.add(System.nanoTime() - start);
            if (message == null) {
                throw new IllegalStateException("receive " + (i + 1) + " of " + count + " found nothing in "
                        + RECEIVE_TIMEOUT_MILLIS + " ms");
            }
        }
    }

    /**
     * Loads the backlog straight to the backend with the floor's batch sender (unmeasured, the same
     * for every client, as the drain scenarios do), then starts a listener on it.
     */
    private static CallStretch listener(Harness harness, TrialSetup setup, JmsAccess jms, int calls)
            throws Exception {
        String url = harness.admin().createQueue(setup.prefix() + BACKLOG_QUEUE);
        new BatchSender(harness.admin().aws(), null, url).send(0, calls, BODY_BYTES, new Samples());
        try (Connection connection = jms.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ListenerCalls listener = new ListenerCalls(calls);
            session.createConsumer(jms.queue(session, BACKLOG_QUEUE)).setMessageListener(listener);
            CallMeter meter = CallMeter.start(harness);
            connection.start();
            if (!listener.awaitAll(harness.timeCap())) {
                throw new IllegalStateException("the listener had " + listener.calls() + " of " + calls
                        + " calls at the time cap of " + harness.timeCap().toSeconds() + " s");
            }
            return meter.stop(calls, listener.lastStartNanos(), listener.gaps());
        }
    }
}
