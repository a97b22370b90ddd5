package dev.hake.ra;

import dev.hake.jms.HakeConnectionFactory;
import dev.hake.ra.inbound.InboundActivation;
import jakarta.jms.ConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.transaction.xa.XAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hake's resource adapter: message-driven beans on SQS queues and SNS topic subscriptions. Its
 * properties are hake's settings (see {@link HakeProperties}); each activation may override them.
 * Deliveries run on the server's WorkManager.
 *
 * <p>There are no XA resources to recover: SQS has no two-phase commit, and a delivery's
 * transaction resource is one-phase (see the README).
 */
public class HakeResourceAdapter extends HakeProperties implements ResourceAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HakeResourceAdapter.class);

    private record Key(MessageEndpointFactory endpoints, ActivationSpec spec) {
    }

    private final Map<Key, InboundActivation> activations = new ConcurrentHashMap<>();
    private volatile WorkManager workManager;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.workManager = context.getWorkManager();
        try {
            compose(this);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("hake resource adapter: " + e.getMessage(), e);
        }
    }

    /** Stops every activation still running (the server normally deactivates them first). */
    @Override
    public void stop() {
        activations.values().forEach(InboundActivation::stop);
        activations.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpoints, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof HakeActivationSpec hake)) {
            throw new NotSupportedException("hake's adapter takes a dev.hake.ra.HakeActivationSpec, was "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        if (workManager == null) {
            throw new ResourceAdapterInternalException("the hake resource adapter was not started");
        }
        hake.validate();
        InboundActivation activation = new InboundActivation(connectionFactory(hake), target(hake), endpoints,
                workManager);
        activation.start();
        InboundActivation before = activations.put(new Key(endpoints, spec), activation);
        if (before != null) {
            before.stop();
        }
        LOG.info("hake: {} is consuming", hake);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpoints, ActivationSpec spec) {
        InboundActivation activation = activations.remove(new Key(endpoints, spec));
        if (activation != null) {
            activation.stop();
            LOG.info("hake: {} stopped consuming", spec);
        }
    }

    /** None: nothing hake does is left prepared, so there is nothing to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The activation's settings laid over the adapter's, or the factory its connectionFactoryLookup names. */
    private ConnectionFactory connectionFactory(HakeActivationSpec spec) throws ResourceException {
        String lookup = spec.getConnectionFactoryLookup();
        if (lookup == null || lookup.isBlank()) {
            return new HakeConnectionFactory(compose(this, spec));
        }
        Object found;
        try {
            found = new InitialContext().lookup(lookup);
        } catch (NamingException e) {
            throw new ResourceException("hake activation: connectionFactoryLookup '" + lookup + "' cannot be looked up: "
                    + e.getMessage(), e);
        }
        if (found instanceof HakeConnectionFactory factory) {
            return factory;
        }
        throw new InvalidPropertyException("hake activation: connectionFactoryLookup '" + lookup
                + "' must name a hake connection factory (dev.hake.jms.HakeConnectionFactory), was "
                + (found == null ? "null" : found.getClass().getName()));
    }

    private static InboundActivation.Target target(HakeActivationSpec spec) throws InvalidPropertyException {
        boolean topic = spec.destinationTypeValue() == HakeActivationSpec.DestinationType.TOPIC;
        return new InboundActivation.Target(spec.getDestination(), spec.getDestinationLookup(), topic,
                topic && spec.isDurable(), topic && spec.isShared(), spec.getSubscriptionName(),
                spec.getMessageSelector(), spec.getMaxSessions(), spec.getMaxMessages(), spec.sessionMode());
    }
}
