package dev.hake.camel;

import dev.hake.core.HakeSettings;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HeaderFilterStrategyComponent;
import org.apache.camel.util.URISupport;

/**
 * The {@code hake:} component: JMS-compatible messaging on SNS and SQS for Camel routes, on the
 * same core as hake's JMS provider ({@code hake:queue:NAME}, {@code hake:topic:NAME}). Its
 * connection options are shared by its endpoints, and endpoints with the same settings share one
 * set of AWS clients.
 */
@Component("hake")
public class HakeComponent extends HeaderFilterStrategyComponent {

    @Metadata(description = "The connection settings shared by every endpoint of this component; each option"
            + " can also be set on its own, here or per endpoint.")
    private HakeConfiguration configuration = new HakeConfiguration();

    private final SharedServices services = new SharedServices(
            settings -> new HakeServices(settings, getCamelContext().getExecutorServiceManager(), this));
    private ExecutorService continuations;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.indexOf(':');
        String type = colon < 0 ? remaining : remaining.substring(0, colon);
        String name = colon < 0 ? "" : remaining.substring(colon + 1);
        if (!HakeEndpoint.DESTINATION_TYPES.contains(type)) {
            throw new IllegalArgumentException("a hake endpoint is hake:queue:NAME or hake:topic:NAME"
                    + " (or, to reply to a JMS temporary destination, hake:temp-queue:NAME or hake:temp-topic:NAME),"
                    + " was '" + URISupport.sanitizeUri(uri) + "'");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a hake endpoint needs a destination name: hake:" + type + ":NAME");
        }
        HakeEndpoint endpoint = new HakeEndpoint(uri, this, type, name, configuration.copy());
        setProperties(endpoint, parameters);
        if (endpoint.getHeaderFilterStrategy() == null) {
            endpoint.setHeaderFilterStrategy(getHeaderFilterStrategy() != null
                    ? getHeaderFilterStrategy() : new HakeHeaderFilterStrategy());
        }
        endpoint.validate();
        return endpoint;
    }

    public HakeConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection settings shared by every endpoint of this component. */
    public void setConfiguration(HakeConfiguration configuration) {
        this.configuration = configuration;
    }

    HakeServices acquireServices(HakeSettings settings) {
        return services.acquire(settings);
    }

    void releaseServices(HakeServices shared) {
        services.release(shared);
    }


    /**
     * Where a producer's exchange continues once AWS has answered: Camel's default thread pool,
     * so that route steps after a send never run on (and never block) the AWS I/O threads.
     */
    synchronized ExecutorService continuations() {
        if (continuations == null) {
            continuations = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "HakeProducer");
        }
        return continuations;
    }

    @Override
    protected void doStop() throws Exception {
        services.closeAll();
        synchronized (this) {
            if (continuations != null) {
                getCamelContext().getExecutorServiceManager().shutdown(continuations);
                continuations = null;
            }
        }
        super.doStop();
    }
}
