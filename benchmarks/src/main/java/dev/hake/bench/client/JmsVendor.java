package dev.hake.bench.client;

import jakarta.jms.ConnectionFactory;

/** A JMS provider under test, pointed at the trial's endpoint and names. */
interface JmsVendor {

    /** The provider and its settings, for the report's legend. */
    String description();

    ConnectionFactory factory(TrialSetup setup);

    /** The name to pass to createQueue / createTopic for the trial's destination {@code name}. */
    String destinationName(TrialSetup setup, String name);

    /** Creates the queue beforehand if the provider does not create queues itself. */
    void prepareQueue(TrialSetup setup, String name);
}
