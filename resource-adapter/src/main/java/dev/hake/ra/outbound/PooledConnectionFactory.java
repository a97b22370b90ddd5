package dev.hake.ra.outbound;

import dev.hake.jms.JmsErrors;
import dev.hake.jms.context.ContextsOverConnections;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * The ConnectionFactory the server binds in JNDI: each connection comes from the server's pool
 * ({@link ConnectionManager#allocateConnection}), and a connection opened inside a container
 * transaction sends and receives in it. A JMSContext is made over such a connection.
 */
public final class PooledConnectionFactory implements ContextsOverConnections, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final HakeManagedConnectionFactory managed;
    private final transient ConnectionManager pool;
    private Reference reference;

    PooledConnectionFactory(HakeManagedConnectionFactory managed, ConnectionManager pool) {
        this.managed = managed;
        this.pool = pool;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(ConnectionRequest.DEFAULT);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(new ConnectionRequest(userName, password));
    }

    private HandleConnection allocate(ConnectionRequest request) throws JMSException {
        try {
            return (HandleConnection) pool.allocateConnection(managed, request);
        } catch (ResourceException e) {
            throw JmsErrors.toJms(e);
        }
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate(ConnectionRequest.DEFAULT);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return allocate(new ConnectionRequest(userName, password));
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return allocate(ConnectionRequest.DEFAULT);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return allocate(new ConnectionRequest(userName, password));
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "hake pooled ConnectionFactory";
    }
}
