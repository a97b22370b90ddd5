package dev.hake.bench.client;

import dev.hake.camel.HakeComponent;
import dev.hake.camel.HakeConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext whose {@code hake} component points at the trial's endpoint (the counting proxy),
 * region, credentials and prefix: the same settings {@link HakeVendor} gives the JMS clients, set
 * on the component so that every endpoint of the trial shares them.
 */
final class CamelContexts {

    /** Graceful shutdown waits this long for exchanges still running; a trial ends with none. */
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 10;

    private CamelContexts() {
    }

    /** A context, not started, for the trial's destinations. */
    static CamelContext forTrial(TrialSetup setup) {
        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        HakeConfiguration hake = camel.getComponent("hake", HakeComponent.class).getConfiguration();
        hake.setEndpoint(setup.endpoint().toString());
        hake.setRegion(setup.backend().region());
        hake.setAccessKeyId(setup.backend().accessKeyId());
        hake.setSecretAccessKey(setup.backend().secretAccessKey());
        hake.setPrefix(setup.prefix());
        return camel;
    }
}
