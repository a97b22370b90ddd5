package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.Scenario;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.Trial;
import dev.hake.bench.client.TrialSetup;
import dev.hake.bench.proxy.RequestCounts;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One message at a time to a consumer waiting on an idle queue, every {@value #INTERVAL_MILLIS}
 * ms: the latency a batching client must not give away when there is nothing to batch.
 */
public final class LoneMessageRun {

    static final long INTERVAL_MILLIS = 200;
    /** Long enough for the consumer's first poll to be parked at the backend: the queue is idle. */
    private static final long IDLE_BEFORE_MILLIS = 1_000;
    private static final Duration PER_MESSAGE_CAP = Duration.ofSeconds(10);
    private static final int BODY_BYTES = 256;

    private LoneMessageRun() {
    }

    public static LatencyResult run(Harness harness, ClientUnderTest client, int messages) {
        TrialSetup setup = harness.newTrial();
        Scenario scenario = new Scenario("lone", false, 1, BODY_BYTES, messages, false);
        Deliveries deliveries = new Deliveries(1, messages);
        Samples sendLatency = new Samples();
        RequestCounts before = RequestCounts.none();
        RequestCounts after = null;
        String error = null;
        try (Trial trial = client.open(scenario, setup, deliveries)) {
            TimeUnit.MILLISECONDS.sleep(IDLE_BEFORE_MILLIS);
            before = harness.proxy().counts();
            for (int seq = 0; seq < messages; seq++) {
                long start = System.nanoTime();
                trial.send(seq, 1, BODY_BYTES, sendLatency);
                if (!deliveries.awaitDistinct(seq + 1, PER_MESSAGE_CAP)) {
                    error = "message " + seq + " not received within " + PER_MESSAGE_CAP.toSeconds() + " s";
                    break;
                }
                // Pacing, not waiting for a condition: the next message goes out on the interval.
                long left = TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS) - (System.nanoTime() - start);
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
            after = Quiet.afterAcknowledgements(harness.proxy());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.toString();
        } finally {
            harness.cleanUp(setup);
        }
        return new LatencyResult(client.name(), messages, deliveries.distinct(),
                sendLatency.percentileMillis(50), sendLatency.percentileMillis(99),
                deliveries.endToEnd().percentileMillis(50), deliveries.endToEnd().percentileMillis(99),
                (after == null ? before : after).minus(before), error);
    }
}
