package dev.hake.ra.outbound;

import dev.hake.jms.HakeInDoubtException;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * A pooled connection's part in a container transaction, as a local transaction: one transacted
 * hake session, made at the first begin and kept, whose commit sends what it held and deletes what
 * it received, and whose rollback drops the sends and gives back what it received. A commit whose
 * outcome AWS did not tell says it is in doubt.
 */
final class ContainerTransaction implements LocalTransaction {

    private final Connection connection;
    private Session session;
    private boolean active;

    ContainerTransaction(Connection connection) {
        this.connection = connection;
    }

    /** The transaction's session while one is active; null outside. */
    synchronized Session session() {
        return active ? session : null;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (active) {
            throw new LocalTransactionException("a transaction is already active on this hake connection");
        }
        try {
            if (session == null) {
                session = connection.createSession(Session.SESSION_TRANSACTED);
            }
        } catch (JMSException e) {
            throw new LocalTransactionException("hake could not begin a transaction: " + e.getMessage(), e);
        }
        active = true;
    }

    @Override
    public synchronized void commit() throws ResourceException {
        active = false;
        try {
            session.commit();
        } catch (HakeInDoubtException e) {
            throw new LocalTransactionException("hake's commit is in doubt: " + e.getMessage(), e);
        } catch (JMSException e) {
            throw new LocalTransactionException("hake's commit did not complete: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        active = false;
        try {
            session.rollback();
        } catch (JMSException e) {
            throw new LocalTransactionException("hake's rollback failed: " + e.getMessage(), e);
        }
    }

    /** The server reclaims the connection without ending a transaction: what it held is dropped. */
    synchronized void abandon() {
        if (active) {
            active = false;
            try {
                session.rollback();
            } catch (JMSException e) {
                // the session's sends were never sent; its received messages come back after their timeout
            }
        }
    }
}
