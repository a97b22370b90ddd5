package dev.hake.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A server's connection pool and transaction manager, as far as a local-transaction adapter meets
 * them: connections are pooled and reused after their handle closes; a connection allocated while a
 * transaction is active is enlisted (its local transaction begun), and the transaction's end commits
 * or rolls back every enlisted connection. One thread, as a bean method runs on one.
 */
final class TestConnectionManager implements ConnectionManager, AutoCloseable {

    private final Set<ManagedConnection> idle = new HashSet<>();
    private final List<ManagedConnection> all = new ArrayList<>();
    private final List<LocalTransaction> enlisted = new ArrayList<>();
    /** Closed by their beans while enlisted: a server pools them again only once the transaction ends. */
    private final List<ManagedConnection> closedInTransaction = new ArrayList<>();
    private final Set<ManagedConnection> inTransaction = new HashSet<>();
    private boolean transactionActive;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection managed = factory.matchManagedConnections(new HashSet<>(idle), null, info);
        if (managed == null) {
            managed = factory.createManagedConnection(null, info);
            all.add(managed);
            ManagedConnection pooled = managed;
            managed.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    if (inTransaction.contains(pooled)) {
                        closedInTransaction.add(pooled);
                    } else {
                        giveBack(pooled);
                    }
                }

                @Override
                public void localTransactionStarted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionCommitted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionRolledback(ConnectionEvent event) {
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                }
            });
        } else {
            idle.remove(managed);
        }
        if (transactionActive) {
            LocalTransaction tx = managed.getLocalTransaction();
            tx.begin();
            enlisted.add(tx);
            inTransaction.add(managed);
        }
        return managed.getConnection(null, info);
    }

    int managedConnections() {
        return all.size();
    }

    void begin() {
        transactionActive = true;
    }

    void commit() throws ResourceException {
        end(true);
    }

    void rollback() throws ResourceException {
        end(false);
    }

    private void end(boolean commit) throws ResourceException {
        transactionActive = false;
        try {
            for (LocalTransaction tx : enlisted) {
                if (commit) {
                    tx.commit();
                } else {
                    tx.rollback();
                }
            }
        } finally {
            enlisted.clear();
            inTransaction.clear();
            closedInTransaction.forEach(this::giveBack);
            closedInTransaction.clear();
        }
    }

    private void giveBack(ManagedConnection managed) {
        try {
            managed.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        idle.add(managed);
    }

    @Override
    public void close() throws ResourceException {
        for (ManagedConnection m : all) {
            m.destroy();
        }
    }
}
