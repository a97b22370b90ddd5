package dev.hake.faults;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.util.concurrent.TimeUnit;

/**
 * A thread that calls {@code receive(timeout)} until stopped, handing each message (and each
 * empty receive) to a {@link Handler} that acknowledges as its scenario does.
 */
final class ReceiveLoop implements AutoCloseable {

    /** What a scenario does with what a receive returns. */
    interface Handler {
        void onMessage(Message message) throws JMSException;

        /** A receive returned nothing. */
        void onIdle() throws JMSException;
    }

    private static final long RECEIVE_MILLIS = 500;
    /** A receive that keeps failing at once would spin: the loop gives up after this many in a row. */
    private static final int MAX_FAILURES_IN_A_ROW = 100;

    private final MessageConsumer consumer;
    private final Handler handler;
    private final ExceptionLog exceptions;
    private final Thread thread;
    private volatile boolean running = true;

    ReceiveLoop(String name, MessageConsumer consumer, Handler handler, ExceptionLog exceptions) {
        this.consumer = consumer;
        this.handler = handler;
        this.exceptions = exceptions;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        int failuresInARow = 0;
        while (running) {
            Message m;
            try {
                m = consumer.receive(RECEIVE_MILLIS);
                failuresInARow = 0;
            } catch (jakarta.jms.IllegalStateException e) {
                exceptions.record("receive", e);
                return; // the consumer or its session is closed: nothing more to receive
            } catch (JMSException e) {
                exceptions.record("receive", e);
                if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    exceptions.record("receive loop", new IllegalStateException(
                            "receive failed " + MAX_FAILURES_IN_A_ROW + " times in a row; the loop stops"));
                    return;
                }
                continue;
            }
            try {
                if (m == null) {
                    handler.onIdle();
                } else {
                    handler.onMessage(m);
                }
            } catch (JMSException | RuntimeException e) {
                exceptions.record("receive loop", e);
            }
        }
    }

    /** Stops the loop after its current receive (a bounded wait). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
