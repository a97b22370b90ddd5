package dev.hake.faults;

import java.nio.file.Path;

/**
 * The knobs of the scenarios, from system properties (the module's pom passes its properties on,
 * so each can be set with -D on the Maven command line).
 */
final class FaultSettings {

    /** Messages each (scenario, fault) case sends. */
    static final int MESSAGES = Integer.getInteger("hake.faults.messages", 100);
    /** Share of eligible requests faulted. */
    static final double RATE = Double.parseDouble(System.getProperty("hake.faults.rate", "0.10"));
    /**
     * Share faulted in the MIXED case: high enough that some requests fail all five of the SDK's
     * attempts, so that the application meets hake's exceptions (in doubt, not sent) and the suite
     * checks what they promise; at {@link #RATE} the retries absorb every fault.
     */
    static final double MIXED_RATE = Double.parseDouble(System.getProperty("hake.faults.mixedRate", "0.5"));
    /** Seed every case derives its own from. */
    static final long SEED = Long.getLong("hake.faults.seed", 20250611L);
    /** Short, so a message whose acknowledgement failed comes back quickly. */
    static final int VISIBILITY_TIMEOUT_SECONDS = Integer.getInteger("hake.faults.visibilityTimeoutSeconds", 5);
    /** How long a case waits for its messages, beyond the visibility timeout. */
    static final int ARRIVAL_SECONDS = Integer.getInteger("hake.faults.arrivalSeconds", 60);
    /** Nothing more may come for this long once the queues are empty. */
    static final long QUIET_MILLIS = 1_500;

    private FaultSettings() {
    }

    /** The share of requests faulted in a case of this kind. */
    static double rateOf(dev.hake.faults.proxy.FaultKind kind) {
        return kind == dev.hake.faults.proxy.FaultKind.MIXED ? MIXED_RATE : RATE;
    }

    static Path reportDirectory() {
        String configured = System.getProperty("hake.faults.reportDir");
        return Path.of(configured == null || configured.isBlank() ? "target" : configured);
    }

    /** A case's own seed: stable for a (scenario, fault) pair, so one case can be repeated alone. */
    static long seedOf(String scenario, String fault) {
        return SEED * 31 + (scenario + "/" + fault).hashCode();
    }
}
