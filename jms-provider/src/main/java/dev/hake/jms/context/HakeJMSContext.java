package dev.hake.jms.context;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * The simplified API (JMSContext) over the classic one: a Connection, shared with the contexts
 * {@link #createContext(int)} makes, and one Session, opened on first use so that
 * {@link #setClientID} still works right after the context is created.
 */
public final class HakeJMSContext implements JMSContext {

    /** Opens the connection of a new context: {@code ConnectionFactory::createConnection}, typically. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws JMSException;
    }

    private final SharedConnection connection;
    private final int sessionMode;
    private final ContextCallbacks callbacks = new ContextCallbacks();
    private final Object lock = new Object();
    private final Object sendLock = new Object();
    private Session session;
    private MessageProducer producer;
    private volatile boolean closed;
    private volatile boolean autoStart = true;
    /** The last message this context delivered; its acknowledge() acknowledges the whole session. */
    private volatile Message lastDelivered;

    private HakeJMSContext(SharedConnection connection, int sessionMode) {
        this.connection = connection;
        this.sessionMode = sessionMode;
    }

    /**
     * A context on a new connection, with the given session mode.
     *
     * @throws JMSRuntimeException naming an invalid session mode (before any connection is opened),
     *         or the runtime twin of the failure to connect
     */
    public static HakeJMSContext open(ConnectionOpener opener, int sessionMode) {
        checkSessionMode(sessionMode);
        return new HakeJMSContext(new SharedConnection(Unchecked.get(opener::open)), sessionMode);
    }

    private static void checkSessionMode(int mode) {
        if (mode != SESSION_TRANSACTED && mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE
                && mode != DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("invalid session mode " + mode + ": use JMSContext.SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
    }

    /** A new context with its own session on this context's connection, which stays open until both are closed. */
    @Override
    public JMSContext createContext(int sessionMode) {
        checkOpen();
        checkSessionMode(sessionMode);
        return new HakeJMSContext(connection.acquire(), sessionMode);
    }

    // ---- session and producer, opened on first use

    private Session session() {
        synchronized (lock) {
            checkOpen();
            if (session == null) {
                session = Unchecked.get(() -> connection.get().createSession(sessionMode));
            }
            return session;
        }
    }

    private MessageProducer producer() {
        Session s = session();
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

    // ---- connection

    @Override
    public String getClientID() {
        checkOpen();
        return Unchecked.get(connection.get()::getClientID);
    }

    /** Only right after the context was created, before anything else is done with it or its connection. */
    @Override
    public void setClientID(String clientID) {
        checkOpen();
        Unchecked.run(() -> connection.get().setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return Unchecked.get(connection.get()::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return Unchecked.get(connection.get()::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        Unchecked.run(() -> connection.get().setExceptionListener(listener));
    }

    /** Starts the connection, which every context made from this one shares. */
    @Override
    public void start() {
        checkOpen();
        Unchecked.run(connection.get()::start);
    }

    /** Stops the shared connection; a MessageListener must not stop its own context. */
    @Override
    public void stop() {
        checkOpen();
        Unchecked.run(connection.get()::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        return autoStart;
    }

    /**
     * Closes the session, its consumers and producer, waiting for a listener in progress and for
     * every asynchronous send's CompletionListener; the last context on the connection closes it.
     * Closing a closed context does nothing.
     *
     * @throws IllegalStateRuntimeException when called from a listener of this context
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (callbacks.running() != null) {
            throw new IllegalStateRuntimeException(
                    "a MessageListener or CompletionListener must not close its own JMSContext");
        }
        Session s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            s = session;
        }
        JMSRuntimeException failure = null;
        try {
            if (s != null) {
                // Closes consumers and waits for a listener; a transacted session rolls back, which completes held sends.
                Unchecked.run(s::close);
            }
        } catch (JMSRuntimeException e) {
            failure = e;
        }
        callbacks.awaitSends();
        try {
            connection.release();
        } catch (JMSRuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- messages

    @Override
    public BytesMessage createBytesMessage() {
        return Unchecked.get(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return Unchecked.get(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return Unchecked.get(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return Unchecked.get(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        Session s = session();
        return Unchecked.get(() -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return Unchecked.get(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return Unchecked.get(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        Session s = session();
        return Unchecked.get(() -> s.createTextMessage(text));
    }

    // ---- transactions and acknowledgement

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    /**
     * Commits, then waits for the CompletionListeners of the sends it made (hake holds a transaction's
     * sends until commit), unless called from a MessageListener, on whose thread they run next.
     */
    @Override
    public void commit() {
        Session s = session();
        refuseInCompletionListener("commit");
        Unchecked.run(s::commit);
        awaitCompletionListeners();
    }

    /** Rolls back, then waits for the CompletionListeners of the dropped sends, as {@link #commit()} does. */
    @Override
    public void rollback() {
        Session s = session();
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

    @Override
    public void recover() {
        Unchecked.run(session()::recover);
    }

    /** In CLIENT_ACKNOWLEDGE, acknowledges everything the session has consumed; in other modes it does nothing. */
    @Override
    public void acknowledge() {
        checkOpen();
        Message last = lastDelivered;
        if (sessionMode == CLIENT_ACKNOWLEDGE && last != null) {
            Unchecked.run(last::acknowledge);
        }
    }

    /** True when a body receiveBody could not return is delivered again rather than counted as consumed. */
    boolean redeliversUnreadBodies() {
        return sessionMode == AUTO_ACKNOWLEDGE || sessionMode == DUPS_OK_ACKNOWLEDGE;
    }

    void delivered(Message message) {
        lastDelivered = message;
    }

    // ---- producers

    @Override
    public JMSProducer createProducer() {
        return new HakeJMSProducer(this, createMessage());
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

    ContextCallbacks callbacks() {
        return callbacks;
    }

    // ---- consumers

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(s -> s.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(s -> s.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @FunctionalInterface
    private interface ConsumerCall {
        MessageConsumer create(Session session) throws JMSException;
    }

    /** Creates the classic consumer, then starts the connection unless autoStart is off. */
    private JMSConsumer consumer(ConsumerCall create) {
        Session s = session();
        HakeJMSConsumer consumer = new HakeJMSConsumer(this, Unchecked.get(() -> create.create(s)));
        if (autoStart) {
            start();
        }
        return consumer;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        Session s = session();
        return Unchecked.get(() -> s.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        Session s = session();
        return Unchecked.get(() -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        Session s = session();
        Unchecked.run(() -> s.unsubscribe(name));
    }

    // ---- destinations

    @Override
    public Queue createQueue(String queueName) {
        Session s = session();
        return Unchecked.get(() -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        Session s = session();
        return Unchecked.get(() -> s.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return Unchecked.get(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return Unchecked.get(session()::createTemporaryTopic);
    }

    @Override
    public String toString() {
        return "HakeJMSContext[sessionMode=" + sessionMode + ", autoStart=" + autoStart + ", closed=" + closed + "]";
    }
}
