package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.Scenario;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.Trial;
import dev.hake.bench.client.TrialSetup;

/**
 * Runs one client on one scenario: opens it on fresh destinations, sends every message, waits
 * (up to the time cap) until every subscription has every message, and counts the requests in
 * between, and the client's CPU over the same stretch. Setup and cleanup are outside both.
 */
public final class ThroughputRun {

    private ThroughputRun() {
    }

    public static ThroughputResult run(Harness harness, ClientUnderTest client, Scenario scenario) {
        TrialSetup setup = harness.newTrial();
        Deliveries deliveries = new Deliveries(scenario.subscriptions(), scenario.messages());
        Samples sendLatency = new Samples();
        MeasuredStretch stretch = new MeasuredStretch(harness, deliveries);
        try (Trial trial = client.open(scenario, setup, deliveries)) {
            stretch.measure(() -> trial.send(0, scenario.messages(), scenario.bodyBytes(), sendLatency),
                    trial::acknowledgeRemaining);
        } catch (Exception e) {
            stretch.failed(e);
        } finally {
            harness.cleanUp(setup);
        }
        return stretch.result(scenario, client.name(), sendLatency.percentileMillis(50),
                sendLatency.percentileMillis(99), deliveries.endToEnd().percentileMillis(50),
                deliveries.endToEnd().percentileMillis(99));
    }
}
