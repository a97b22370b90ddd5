package dev.hake.bench.run;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Harness;
import dev.hake.bench.Scenario;
import dev.hake.bench.proxy.RequestCounts;

/**
 * The measured part of a trial, the same for every client: from the moment messages start to move
 * (the first send, or the consumers' start on a backlog) until every message is consumed and the
 * acknowledgements have gone quiet. Counts the requests, the client's CPU and the time in between.
 */
final class MeasuredStretch {

    /** A step of the trial that may fail. */
    interface Step {
        void run() throws Exception;
    }

    private final Harness harness;
    private final Deliveries deliveries;
    private RequestCounts before = RequestCounts.none();
    private RequestCounts after;
    private CpuUse cpu = CpuUse.unmeasured();
    private long startNanos;
    private String error;

    MeasuredStretch(Harness harness, Deliveries deliveries) {
        this.harness = harness;
        this.deliveries = deliveries;
    }

    /**
     * Starts measuring, runs {@code start} (which sets the messages moving), waits up to the time
     * cap for all of them, runs {@code acknowledgeRemaining}, and stops once acknowledgements are quiet.
     */
    void measure(Step start, Step acknowledgeRemaining) throws Exception {
        before = harness.proxy().counts();
        ClientCpu clientCpu = ClientCpu.start(harness);
        startNanos = System.nanoTime();
        start.run();
        if (!deliveries.awaitAll(harness.timeCap())) {
            error = "time cap of " + harness.timeCap().toSeconds() + " s reached";
        }
        acknowledgeRemaining.run();
        after = Quiet.afterAcknowledgements(harness.proxy());
        cpu = clientCpu.stop();
    }

    /** The trial failed: the result says why. */
    void failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } else {
            error = e.toString();
        }
    }

    /** The result, with the send latency and end-to-end figures of the trial (NaN where none). */
    ThroughputResult result(Scenario scenario, String client, double sendP50, double sendP99, double endToEndP50,
                            double endToEndP99) {
        long elapsed = deliveries.distinct() == 0 ? 0 : deliveries.lastDistinctNanos() - startNanos;
        RequestCounts end = after == null ? before : after;
        return new ThroughputResult(scenario, client, deliveries.distinct(), deliveries.duplicates(), elapsed,
                sendP50, sendP99, endToEndP50, endToEndP99, end.minus(before), cpu, error);
    }
}
