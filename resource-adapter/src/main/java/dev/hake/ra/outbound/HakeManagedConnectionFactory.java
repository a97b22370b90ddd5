package dev.hake.ra.outbound;

import dev.hake.jms.HakeConnectionFactory;
import dev.hake.ra.HakeProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The outbound side: the server pools the connections this makes and binds a
 * {@link jakarta.jms.ConnectionFactory} in JNDI whose connections come from that pool. Its
 * properties are hake's settings, laid over the adapter's. It takes part in container transactions
 * as a local transaction ({@link ContainerTransaction}); there is no XA.
 */
public class HakeManagedConnectionFactory extends HakeProperties implements ManagedConnectionFactory,
        ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    /** Made once: a hake factory asks the environment for a region once. */
    private transient volatile HakeConnectionFactory factory;

    @Override
    public Object createConnectionFactory(ConnectionManager pool) {
        return new PooledConnectionFactory(this, pool);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("hake's pooled connection factory needs an application server; outside"
                + " one, use dev.hake.jms.HakeConnectionFactory");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        ConnectionRequest request = info instanceof ConnectionRequest r ? r : ConnectionRequest.DEFAULT;
        try {
            Connection physical = request.user() == null ? hakeFactory().createConnection()
                    : hakeFactory().createConnection(request.user(), request.password());
            return new HakeManagedConnection(physical, request);
        } catch (JMSException | IllegalArgumentException e) {
            throw new ResourceException("hake could not open a connection: " + e.getMessage(), e);
        }
    }

    private HakeConnectionFactory hakeFactory() {
        HakeConnectionFactory f = factory;
        if (f == null) {
            synchronized (this) {
                if (factory == null) {
                    factory = new HakeConnectionFactory(compose(
                            resourceAdapter instanceof HakeProperties adapter ? adapter : null, this));
                }
                f = factory;
            }
        }
        return f;
    }

    /** Any pooled connection opened for the same request will do. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        ConnectionRequest request = info instanceof ConnectionRequest r ? r : ConnectionRequest.DEFAULT;
        for (Object c : (Set<Object>) connections) {
            if (c instanceof HakeManagedConnection managed && managed.request().equals(request)) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.LocalTransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Connectors asks factories to be equal when their properties are: the server keeps a pool per factory. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HakeManagedConnectionFactory other && other.getClass() == getClass()
                && sameSettingsAs(other);
    }

    @Override
    public int hashCode() {
        return settingsHash();
    }

    @Override
    public String toString() {
        return "HakeManagedConnectionFactory";
    }
}
