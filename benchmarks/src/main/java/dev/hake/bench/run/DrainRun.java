package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.Scenario;
import dev.hake.bench.client.BatchSender;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.DrainConsumers;
import dev.hake.bench.client.TrialSetup;

/**
 * Runs one client on a drain scenario: loads the backlog onto a fresh queue with the floor's batch
 * sender, straight to the backend (unmeasured, the same for every client), makes the client's
 * consumers, then starts them and measures until the backlog is consumed and acknowledgements
 * have gone quiet: requests, client CPU, and the time from the start to the last message consumed.
 */
public final class DrainRun {

    private DrainRun() {
    }

    public static ThroughputResult run(Harness harness, ClientUnderTest client, Scenario scenario) {
        TrialSetup setup = harness.newTrial();
        Deliveries deliveries = new Deliveries(1, scenario.messages());
        MeasuredStretch stretch = new MeasuredStretch(harness, deliveries);
        try {
            String url = harness.admin().createQueue(setup.prefix() + ClientUnderTest.QUEUE);
            new BatchSender(harness.admin().aws(), null, url).send(0, scenario.messages(), scenario.bodyBytes(),
                    new Samples());
            try (DrainConsumers consumers = client.drainConsumers(scenario, setup, deliveries)) {
                stretch.measure(consumers::start, consumers::acknowledgeRemaining);
            }
        } catch (Exception e) {
            stretch.failed(e);
        } finally {
            harness.cleanUp(setup);
        }
        // No send latency here, and end-to-end latency would be the backlog's age: neither is reported.
        return stretch.result(scenario, client.name(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
