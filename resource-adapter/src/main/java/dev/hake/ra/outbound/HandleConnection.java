package dev.hake.ra.outbound;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection an application gets from the pooled factory: a handle on a pooled
 * {@link HakeManagedConnection}. Closing it returns the managed connection to the server's pool.
 * What Jakarta EE forbids an application component (client IDs, exception listeners, stop,
 * connection consumers) fails with an IllegalStateException that says so.
 */
public final class HandleConnection implements QueueConnection, TopicConnection {

    private volatile HakeManagedConnection managed;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    HandleConnection(HakeManagedConnection managed) {
        this.managed = managed;
    }

    /** The server moves this handle to another managed connection. */
    void associate(HakeManagedConnection other) {
        this.managed = other;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    /**
     * In a container transaction the mode is ignored and the session sends and receives in the
     * transaction; outside one, a session of the mode asked for.
     */
    @Override
    public Session createSession(int sessionMode) throws JMSException {
        checkOpen();
        Session session = managed.sessionFor(sessionMode);
        sessions.add(session);
        return session;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (TopicSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return managed.physical().getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw forbidden("setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return managed.physical().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        throw forbidden("getExceptionListener");
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw forbidden("setExceptionListener");
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        managed.physical().start();
    }

    @Override
    public void stop() throws JMSException {
        throw forbidden("stop");
    }

    /** Closes its sessions and gives the connection back to the server's pool. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        invalidate();
        managed.handleClosed(this);
    }

    /** Closes the sessions; the handle can no longer be used. */
    void invalidate() {
        closed = true;
        for (Session s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                // the managed connection cleans up what is left when the server destroys it
            }
        }
        sessions.clear();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        throw forbidden("createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        throw forbidden("createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw forbidden("createSharedDurableConnectionConsumer");
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
    }

    private static IllegalStateException forbidden(String what) {
        return new IllegalStateException(what + " is not allowed on a connection of an application server's pool"
                + " (Jakarta EE forbids it to application components)");
    }
}
