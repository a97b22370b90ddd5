package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;

/** A way of sending and consuming messages whose requests, speed and latency are measured. */
public interface ClientUnderTest {

    /** The name of a queue scenario's one queue, after the trial's prefix. */
    String QUEUE = "q";

    /** Short name in the tables: floor, hake-plain, ... */
    String name();

    /** What the name means, for the report's legend. */
    String description();

    boolean supportsTopics();

    /**
     * Makes the scenario's destinations and starts its consumers, which record into
     * {@code deliveries}. The consumers are idle (waiting) when this returns.
     */
    Trial open(Scenario scenario, TrialSetup setup, Deliveries deliveries) throws Exception;

    /** Whether the client takes part in the drain scenarios. */
    default boolean supportsDrain() {
        return false;
    }

    /**
     * The drain scenario's {@code scenario.consumers()} competing consumers on queue {@link #QUEUE},
     * which holds the backlog already: made, recording into {@code deliveries} once started.
     */
    default DrainConsumers drainConsumers(Scenario scenario, TrialSetup setup, Deliveries deliveries)
            throws Exception {
        throw new UnsupportedOperationException(name() + " has no drain consumers");
    }

    /** Whether the client is plain JMS code, whose calls the plain-calls scenario times one by one. */
    default boolean supportsPlainCalls() {
        return false;
    }

    /** The client's JMS provider, pointed at the trial; for clients that {@link #supportsPlainCalls()}. */
    default JmsAccess jms(TrialSetup setup) {
        throw new UnsupportedOperationException(name() + " is not plain JMS");
    }
}
