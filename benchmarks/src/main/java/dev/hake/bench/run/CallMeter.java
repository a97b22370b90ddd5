package dev.hake.bench.run;

import dev.hake.bench.Harness;
import dev.hake.bench.Samples;
import dev.hake.bench.proxy.RequestCounts;

/** Counts the requests and the client's CPU over one stretch of calls, from its start. */
final class CallMeter {

    private final Harness harness;
    private final RequestCounts before;
    private final ClientCpu cpu;
    private final long startNanos;

    private CallMeter(Harness harness) {
        this.harness = harness;
        this.before = harness.proxy().counts();
        this.cpu = ClientCpu.start(harness);
        this.startNanos = System.nanoTime();
    }

    /** Starts measuring now. */
    static CallMeter start(Harness harness) {
        return new CallMeter(harness);
    }

    /**
     * The stretch of {@code calls} calls that ended at {@code endNanos}, each timed in {@code times}.
     * Waits first until acknowledgements are quiet: a consumer that batches its deletes sends them a
     * little after the calls, and they belong to them.
     */
    CallStretch stop(int calls, long endNanos, Samples times) throws InterruptedException {
        RequestCounts after = Quiet.afterAcknowledgements(harness.proxy());
        return CallStretch.of(calls, endNanos - startNanos, times, after.minus(before), cpu.stop());
    }
}
