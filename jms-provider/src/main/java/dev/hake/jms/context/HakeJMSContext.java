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
    private final ContextCallbacks callbacks = new ContextCallbacks();
    private final ContextSession session;
    private volatile boolean autoStart = true;

    private HakeJMSContext(SharedConnection connection, int sessionMode) {
        this.connection = connection;
        this.session = new ContextSession(connection, sessionMode, callbacks);
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

    void checkOpen() {
        session.checkOpen();
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
        if (session.isClosed()) {
            return;
        }
        if (callbacks.running() != null) {
            throw new IllegalStateRuntimeException(
                    "a MessageListener or CompletionListener must not close its own JMSContext");
        }
        JMSRuntimeException failure = null;
        try {
            if (!session.close()) {
                return;
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
        return Unchecked.get(session.get()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return Unchecked.get(session.get()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return Unchecked.get(session.get()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return Unchecked.get(session.get()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        Session s = session.get();
        return Unchecked.get(() -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return Unchecked.get(session.get()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return Unchecked.get(session.get()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        Session s = session.get();
        return Unchecked.get(() -> s.createTextMessage(text));
    }

    // ---- transactions and acknowledgement

    @Override
    public boolean getTransacted() {
        checkOpen();
        return session.mode() == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return session.mode();
    }

    /** Commits, then waits for the CompletionListeners of its sends, unless called from a MessageListener. */
    @Override
    public void commit() {
        session.commit();
    }

    /** Rolls back, then waits for the CompletionListeners of the dropped sends, as {@link #commit()} does. */
    @Override
    public void rollback() {
        session.rollback();
    }

    @Override
    public void recover() {
        Unchecked.run(session.get()::recover);
    }

    /** In CLIENT_ACKNOWLEDGE, acknowledges everything the session has consumed; in other modes it does nothing. */
    @Override
    public void acknowledge() {
        session.acknowledge();
    }

    /** What the context's consumers tell and ask of its session. */
    ContextSession session() {
        return session;
    }

    // ---- producers

    @Override
    public JMSProducer createProducer() {
        return new HakeJMSProducer(this, createMessage());
    }

    /** Sends with a JMSProducer's options. */
    void send(Destination destination, Message message, SendOptions options, CompletionListener async) {
        session.send(destination, message, options, async);
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
        Session s = session.get();
        HakeJMSConsumer consumer = new HakeJMSConsumer(this, Unchecked.get(() -> create.create(s)));
        if (autoStart) {
            start();
        }
        return consumer;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        Session s = session.get();
        return Unchecked.get(() -> s.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        Session s = session.get();
        return Unchecked.get(() -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        Session s = session.get();
        Unchecked.run(() -> s.unsubscribe(name));
    }

    // ---- destinations

    @Override
    public Queue createQueue(String queueName) {
        Session s = session.get();
        return Unchecked.get(() -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        Session s = session.get();
        return Unchecked.get(() -> s.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return Unchecked.get(session.get()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return Unchecked.get(session.get()::createTemporaryTopic);
    }

    @Override
    public String toString() {
        return "HakeJMSContext[sessionMode=" + session.mode() + ", autoStart=" + autoStart + ", closed=" + session.isClosed()
                + "]";
    }
}
