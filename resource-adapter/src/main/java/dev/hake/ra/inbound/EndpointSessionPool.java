package dev.hake.ra.inbound;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An activation's server sessions: up to {@code maxSessions}, made as they are first needed, each
 * with its own session and bean endpoint. A connection consumer that asks for one while all are
 * busy waits: that is how {@code maxSessions} bounds how many messages the bean handles at once.
 */
final class EndpointSessionPool implements ServerSessionPool {

    private final Connection connection;
    private final MessageEndpointFactory endpoints;
    private final WorkManager workManager;
    private final int maxSessions;
    private final boolean transacted;
    private final int sessionMode;
    private final List<EndpointServerSession> all = new ArrayList<>();
    private final List<EndpointServerSession> idle = new ArrayList<>();
    /** Sessions made or being made: counted before one is made, so that the bound holds. */
    private int made;
    private boolean closed;

    EndpointSessionPool(Connection connection, MessageEndpointFactory endpoints, WorkManager workManager,
                        int maxSessions, boolean transacted, int sessionMode) {
        this.connection = connection;
        this.endpoints = endpoints;
        this.workManager = workManager;
        this.maxSessions = maxSessions;
        this.transacted = transacted;
        this.sessionMode = sessionMode;
    }

    @Override
    public ServerSession getServerSession() throws JMSException {
        synchronized (this) {
            while (idle.isEmpty() && made >= maxSessions && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw jmsException("interrupted while every session of the activation was busy", e);
                }
            }
            if (closed) {
                throw new jakarta.jms.IllegalStateException("the activation is stopping");
            }
            if (!idle.isEmpty()) {
                return idle.remove(idle.size() - 1);
            }
            made++;
        }
        // Made outside the lock: creating an endpoint may take the server a while.
        try {
            EndpointServerSession session = newServerSession();
            synchronized (this) {
                all.add(session);
            }
            return session;
        } catch (JMSException | RuntimeException e) {
            synchronized (this) {
                made--;
                notifyAll();
            }
            throw e;
        }
    }

    private EndpointServerSession newServerSession() throws JMSException {
        Session session = transacted ? connection.createSession(Session.SESSION_TRANSACTED)
                : connection.createSession(sessionMode);
        DeliveryTransaction transaction = transacted ? new DeliveryTransaction(session) : null;
        MessageEndpoint endpoint;
        try {
            endpoint = endpoints.createEndpoint(transaction);
        } catch (UnavailableException e) {
            session.close();
            throw jmsException("the bean's endpoint is not available yet (the application may still be deploying)", e);
        }
        EndpointListener listener = new EndpointListener(endpoint, session, transaction);
        session.setMessageListener(listener);
        return new EndpointServerSession(session, listener, workManager, this);
    }

    synchronized void returned(EndpointServerSession session) {
        idle.add(session);
        notifyAll();
    }

    /**
     * Stops handing out sessions and waits, up to {@code limit}, for those at work to come back.
     *
     * @return whether all came back in time
     */
    synchronized boolean drain(Duration limit) throws InterruptedException {
        closed = true;
        notifyAll();
        long deadline = System.nanoTime() + limit.toNanos();
        while (idle.size() < all.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Closes every session and releases every endpoint. */
    void close() {
        List<EndpointServerSession> sessions;
        synchronized (this) {
            closed = true;
            sessions = new ArrayList<>(all);
        }
        sessions.forEach(EndpointServerSession::close);
    }

    private static JMSException jmsException(String message, Exception cause) {
        JMSException e = new JMSException(message + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }
}
