package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;

/** A way of sending and consuming messages whose requests, speed and latency are measured. */
public interface ClientUnderTest {

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
}
