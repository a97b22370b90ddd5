package dev.hake.jms;

import dev.hake.core.HakeSettings;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A JMS connection: the JMS state machine (client ID, started/stopped, closed) over one
 * {@link ConnectionServices}, which holds the AWS clients and threads all its sessions share.
 */
public final class HakeConnection implements QueueConnection, TopicConnection {

    private final ConnectionServices services;
    /** Short random id: names this connection's temporary destinations and marks what it sends (noLocal). */
    private final String id = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final TemporaryDestinations temporaries;
    private final java.util.concurrent.ScheduledFuture<?> heartbeat;
    private final List<HakeSession> sessions = new CopyOnWriteArrayList<>();
    private final ConnectionConsumers connectionConsumers;
    private final Object state = new Object();
    private String clientId;
    private boolean clientIdFixed;
    /** True when setClientID claimed the client ID in {@link ClientIdRegistry}: close releases it. */
    private boolean clientIdClaimed;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;

    private HakeConnection(ConnectionServices services, String presetClientId) {
        this.services = services;
        this.temporaries = new TemporaryDestinations(services, id);
        this.connectionConsumers = new ConnectionConsumers(this);
        long beat = dev.hake.core.TemporaryResources.HEARTBEAT.toMillis();
        this.heartbeat = services.core.scheduler().scheduleAtFixedRate(temporaries::heartbeat, beat, beat,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        this.clientId = presetClientId;
        this.clientIdFixed = presetClientId != null;
        services.core.onUnreachable((last, sinceMillis) -> reportProblem(new JMSException(
                "AWS has not answered this connection's requests for " + sinceMillis / 1000 + " s; hake keeps"
                        + " retrying with backoff and goes on by itself once AWS answers again (the connection need"
                        + " not be recreated). Last failure: " + last.getMessage(), UNREACHABLE), last));
    }

    /** Error code of what the ExceptionListener hears when AWS stops answering. */
    public static final String UNREACHABLE = "HAKE_AWS_UNREACHABLE";

    /**
     * Tells the application's ExceptionListener, if it set one, of a problem it cannot hear from a
     * call of its own (AWS unreachable, a listener's queue deleted). Never throws.
     */
    void reportProblem(JMSException problem, Throwable cause) {
        if (cause instanceof Exception e && problem.getLinkedException() == null) {
            problem.setLinkedException(e);
        }
        if (problem.getCause() == null && cause != null) {
            problem.initCause(cause);
        }
        ExceptionListener l = exceptionListener;
        if (l == null || closed) {
            return;
        }
        try {
            l.onException(problem);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(HakeConnection.class).warn("the ExceptionListener threw: {}", e.toString());
        }
    }

    static HakeConnection open(HakeSettings settings, String user, String password, CoreOpener opener)
            throws JMSException {
        try {
            return new HakeConnection(ConnectionServices.open(settings, user, password, opener),
                    settings.clientId().orElse(null));
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    ConnectionServices services() {
        return services;
    }

    String id() {
        return id;
    }

    TemporaryDestinations temporaries() {
        return temporaries;
    }

    boolean isStarted() {
        return started;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode, SessionDomain.QUEUES_AND_TOPICS);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return newSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode, SessionDomain.QUEUES_AND_TOPICS);
    }

    @Override
    public Session createSession() throws JMSException {
        return newSession(false, Session.AUTO_ACKNOWLEDGE, SessionDomain.QUEUES_AND_TOPICS);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode, SessionDomain.QUEUES);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode, SessionDomain.TOPICS);
    }

    private HakeSession newSession(boolean transacted, int acknowledgeMode, SessionDomain domain) throws JMSException {
        int mode = acknowledgeMode;
        checkOpen();
        fixClientId();
        if (transacted) {
            mode = Session.SESSION_TRANSACTED;
        } else if (mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE
                && mode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("invalid acknowledge mode " + mode
                    + ": use AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
        HakeSession session = new HakeSession(this, mode, domain);
        sessions.add(session);
        if (closed) {
            session.close();
            checkOpen();
        }
        return session;
    }

    void sessionClosed(HakeSession session) {
        sessions.remove(session);
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        synchronized (state) {
            return clientId;
        }
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        synchronized (state) {
            if (clientIdFixed) {
                throw new IllegalStateException("the client ID can only be set once, before the connection is used");
            }
            if (id == null || id.isBlank()) {
                throw new InvalidClientIDException("a client ID must not be null or empty");
            }
            if (!ClientIdRegistry.claim(id)) {
                throw new InvalidClientIDException("the client ID '" + id + "' is in use by another open connection");
            }
            clientId = id;
            clientIdFixed = true;
            clientIdClaimed = true;
        }
    }

    /** JMS: the client ID can no longer be set once the connection has been used. */
    void fixClientId() {
        synchronized (state) {
            clientIdFixed = true;
        }
    }

    String clientIdOrNull() {
        synchronized (state) {
            clientIdFixed = true;
            return clientId;
        }
    }

    /** The client ID, or an IllegalStateException naming what needs one. */
    String requireClientId(String forWhat) throws JMSException {
        synchronized (state) {
            if (clientId == null) {
                throw new IllegalStateException(forWhat + " needs a client ID: set clientId in the hake settings "
                        + "or call Connection.setClientID first");
            }
            return clientId;
        }
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        fixClientId();
        return new HakeConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        this.exceptionListener = listener;
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        synchronized (state) {
            if (started) {
                return;
            }
            started = true;
        }
        for (HakeSession s : sessions) {
            s.connectionStarted();
        }
        connectionConsumers.startAll();
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        fixClientId();
        // A MessageListener may not stop its own connection; a CompletionListener may.
        checkNotIn(HakeSession::isMessageListenerThread, "stop");
        synchronized (state) {
            if (!started) {
                return;
            }
            started = false;
        }
        connectionConsumers.stopAll();
        for (HakeSession s : sessions) {
            s.connectionStopped();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        checkNotIn(HakeSession::isDeliveryThread, "close");
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            started = false;
            if (clientIdClaimed) {
                ClientIdRegistry.release(clientId);
            }
        }
        // Connection consumers first: they stop handing messages to the sessions that close next.
        JMSException first = connectionConsumers.closeAll();
        for (HakeSession s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        heartbeat.cancel(false);
        temporaries.deleteAll();
        services.close();
        if (first != null) {
            throw first;
        }
    }

    /**
     * After {@link #close}: waits, up to {@code limit}, until the receives that were in flight when
     * the connection closed have landed and given back what they brought. SQS cannot cancel a long
     * poll; a process that exits while one is in flight leaves the message it brings hidden for a
     * visibility timeout. An application server stopping an adapter waits here before it exits.
     *
     * @return whether everything was given back within {@code limit}
     * @throws IllegalStateException if the connection is not closed
     */
    public boolean awaitReleased(Duration limit) throws InterruptedException {
        CompletableFuture<Void> released = services.closed();
        if (released == null) {
            throw new java.lang.IllegalStateException("awaitReleased is for a closed connection; close it first");
        }
        try {
            released.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // closing failed: nothing more will land
        }
    }

    /** Refuses {@code what} when called from a listener of this connection that {@code inListener} names. */
    private void checkNotIn(Predicate<HakeSession> inListener, String what)
            throws IllegalStateException {
        for (HakeSession s : sessions) {
            if (inListener.test(s)) {
                throw new IllegalStateException("a MessageListener must not " + what + " its own connection");
            }
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        return connectionConsumers.plain(destination, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        checkOpen();
        return connectionConsumers.shared(topic, subscriptionName, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        checkOpen();
        return connectionConsumers.durable(topic, subscriptionName, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        checkOpen();
        return connectionConsumers.sharedDurable(topic, subscriptionName, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public String toString() {
        return "HakeConnection[clientId=" + clientId + ", started=" + started + ", closed=" + closed + "]";
    }
}
