package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.Scenario;
import dev.hake.bench.client.BatchSender;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.DrainConsumers;
import dev.hake.bench.client.TrialSetup;
import dev.hake.bench.proxy.RequestCounts;

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
        RequestCounts before = RequestCounts.none();
        RequestCounts after = null;
        CpuUse cpu = CpuUse.unmeasured();
        long start = 0;
        String error = null;
        try {
            String url = harness.admin().createQueue(setup.prefix() + ClientUnderTest.QUEUE);
            new BatchSender(harness.admin().aws(), null, url).send(0, scenario.messages(), scenario.bodyBytes(),
                    new Samples());
            try (DrainConsumers consumers = client.drainConsumers(scenario, setup, deliveries)) {
                before = harness.proxy().counts();
                ClientCpu clientCpu = ClientCpu.start(harness);
                start = System.nanoTime();
                consumers.start();
                if (!deliveries.awaitAll(harness.timeCap())) {
                    error = "time cap of " + harness.timeCap().toSeconds() + " s reached";
                }
                consumers.acknowledgeRemaining();
                after = Quiet.afterAcknowledgements(harness.proxy());
                cpu = clientCpu.stop();
            }
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
        // No send latency here, and end-to-end latency would be the backlog's age: neither is reported.
        return new ThroughputResult(scenario, client.name(), deliveries.distinct(), deliveries.duplicates(), elapsed,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, after.minus(before), cpu, error);
    }
}
