package dev.hake.jms.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The one Session of a JMSContext, opened on first use so that {@code setClientID} still works
 * right after the context is created, and what JMSContext adds to it: one producer for all its
 * JMSProducers, commit and rollback that wait for CompletionListeners, and an acknowledge() that
 * needs no message in hand.
 */
final class ContextSession {

    private final SharedConnection connection;
    private final int mode;
    private final ContextCallbacks callbacks;
    private final Object lock = new Object();
    /** A send sets the producer's options, then sends: one JMSProducer's options must not leak into another's send. */
    private final Object sendLock = new Object();
    private Session session;
    private MessageProducer producer;
    private volatile boolean closed;
    /** The last message this context delivered; its acknowledge() acknowledges the whole session. */
    private volatile Message lastDelivered;

    ContextSession(SharedConnection connection, int mode, ContextCallbacks callbacks) {
        this.connection = connection;
        this.mode = mode;
        this.callbacks = callbacks;
    }

    int mode() {
        return mode;
    }

    Session get() {
        synchronized (lock) {
            checkOpen();
            if (session == null) {
                session = Unchecked.get(() -> connection.get().createSession(mode));
            }
            return session;
        }
    }

    private MessageProducer producer() {
        Session s = get();
        synchronized (lock) {
            if (producer == null) {
                producer = Unchecked.get(() -> s.createProducer(null));
            }
            return producer;
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("the JMSContext is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Marks the context closed and closes the session if one was opened, which closes its
     * consumers, waits for a listener, and rolls back a transaction (completing held sends).
     *
     * @return false when the context was closed already
     */
    boolean close() {
        Session s;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            s = session;
        }
        if (s != null) {
            Unchecked.run(s::close);
        }
        return true;
    }

    /** Sends through the context's one classic producer, with a JMSProducer's options. */
    void send(Destination destination, Message message, SendOptions options, CompletionListener async) {
        MessageProducer p = producer();
        synchronized (sendLock) {
            Unchecked.run(() -> {
                p.setDeliveryDelay(options.deliveryDelay());
                p.setDisableMessageID(options.disableMessageId());
                p.setDisableMessageTimestamp(options.disableTimestamp());
            });
            if (async == null) {
                Unchecked.run(() -> p.send(destination, message, options.deliveryMode(), options.priority(),
                        options.timeToLive()));
                return;
            }
            CompletionListener tracked = callbacks.track(async);
            try {
                Unchecked.run(() -> p.send(destination, message, options.deliveryMode(), options.priority(),
                        options.timeToLive(), tracked));
            } catch (RuntimeException e) {
                callbacks.abandon();
                throw e;
            }
        }
    }

    /**
     * Commits, then waits for the CompletionListeners of the sends it made (hake holds a transaction's
     * sends until commit), unless called from a MessageListener, on whose thread they run next.
     */
    void commit() {
        Session s = get();
        refuseInCompletionListener("commit");
        Unchecked.run(s::commit);
        awaitCompletionListeners();
    }

    /** Rolls back, then waits for the CompletionListeners of the dropped sends, as {@link #commit()} does. */
    void rollback() {
        Session s = get();
        refuseInCompletionListener("rollback");
        Unchecked.run(s::rollback);
        awaitCompletionListeners();
    }

    private void refuseInCompletionListener(String what) {
        if (callbacks.running() == ContextCallbacks.Kind.COMPLETION_LISTENER) {
            throw new IllegalStateRuntimeException("a CompletionListener must not " + what + " its own JMSContext");
        }
    }

    private void awaitCompletionListeners() {
        if (callbacks.running() == null) {
            callbacks.awaitSends();
        }
    }

    /** In CLIENT_ACKNOWLEDGE, acknowledges everything the session has consumed; in other modes it does nothing. */
    void acknowledge() {
        checkOpen();
        Message last = lastDelivered;
        if (mode == JMSContext.CLIENT_ACKNOWLEDGE && last != null) {
            Unchecked.run(last::acknowledge);
        }
    }

    void delivered(Message message) {
        lastDelivered = message;
    }

    /** True when a body receiveBody could not return is delivered again rather than counted as consumed. */
    boolean redeliversUnreadBodies() {
        return mode == JMSContext.AUTO_ACKNOWLEDGE || mode == JMSContext.DUPS_OK_ACKNOWLEDGE;
    }
}
