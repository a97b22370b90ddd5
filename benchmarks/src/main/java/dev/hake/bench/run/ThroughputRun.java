package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.Scenario;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.Trial;
import dev.hake.bench.client.TrialSetup;
import dev.hake.bench.proxy.RequestCounts;

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
        RequestCounts before = RequestCounts.none();
        RequestCounts after = null;
        CpuUse cpu = CpuUse.unmeasured();
        long start = 0;
        String error = null;
        try (Trial trial = client.open(scenario, setup, deliveries)) {
            before = harness.proxy().counts();
            ClientCpu clientCpu = ClientCpu.start(harness);
            start = System.nanoTime();
            trial.send(0, scenario.messages(), scenario.bodyBytes(), sendLatency);
            if (!deliveries.awaitAll(harness.timeCap())) {
                error = "time cap of " + harness.timeCap().toSeconds() + " s reached";
            }
            trial.acknowledgeRemaining();
            after = Quiet.afterAcknowledgements(harness.proxy());
            cpu = clientCpu.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.toString();
        } finally {
            harness.cleanUp(setup);
        }
        if (after == null) {
            after = before;
        }
        long elapsed = deliveries.distinct() == 0 ? 0 : deliveries.lastDistinctNanos() - start;
        return new ThroughputResult(scenario, client.name(), deliveries.distinct(), deliveries.duplicates(), elapsed,
                sendLatency.percentileMillis(50), sendLatency.percentileMillis(99),
                deliveries.endToEnd().percentileMillis(50), deliveries.endToEnd().percentileMillis(99),
                after.minus(before), cpu, error);
    }
}
