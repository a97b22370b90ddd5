package dev.hake.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled hake connection. While the server has it in a local transaction (a bean's
 * container-managed transaction), every session its handles open is the transaction's one
 * transacted session, which commits (sends what it held, deletes what it received) or rolls back
 * with the transaction; outside a transaction each session is a session of its own.
 */
final class HakeManagedConnection implements ManagedConnection {

    private final Connection physical;
    private final ConnectionRequest request;
    private final List<HandleConnection> handles = new CopyOnWriteArrayList<>();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ContainerTransaction transaction;
    private PrintWriter logWriter;

    HakeManagedConnection(Connection physical, ConnectionRequest request) {
        this.physical = physical;
        this.request = request;
        this.transaction = new ContainerTransaction(physical);
    }

    Connection physical() {
        return physical;
    }

    ConnectionRequest request() {
        return request;
    }

    /** A session for a handle: the transaction's while one is active, else a new one of {@code mode}. */
    Session sessionFor(int mode) throws JMSException {
        Session inTransaction = transaction.session();
        if (inTransaction != null) {
            return HandleSession.over(inTransaction, true);
        }
        return HandleSession.over(physical.createSession(mode), false);
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        HandleConnection handle = new HandleConnection(this);
        handles.add(handle);
        return handle;
    }

    void handleClosed(HandleConnection handle) {
        handles.remove(handle);
        ConnectionEvent closed = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        closed.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(closed));
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof HandleConnection handle)) {
            throw new ResourceException("not a hake connection handle: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    /** The server takes the connection back into its pool: handles are invalidated, the connection stays open. */
    @Override
    public void cleanup() {
        handles.forEach(HandleConnection::invalidate);
        handles.clear();
        transaction.abandon();
    }

    @Override
    public void destroy() throws ResourceException {
        cleanup();
        try {
            physical.close();
        } catch (JMSException e) {
            throw new ResourceException("closing a pooled hake connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return transaction;
    }

    /** SQS and SNS have no two-phase commit: hake takes part in transactions as a local resource only. */
    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("hake supports local transactions only: SQS and SNS have no two-phase commit");
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "AWS SNS and SQS (hake)";
            }

            @Override
            public String getEISProductVersion() {
                return "hake " + HakeManagedConnectionFactory.class.getPackage().getImplementationVersion();
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return request.user();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
