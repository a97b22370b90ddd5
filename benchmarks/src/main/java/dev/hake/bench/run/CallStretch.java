package dev.hake.bench.run;

import dev.hake.bench.Samples;
import dev.hake.bench.proxy.RequestCounts;
import java.util.Map;

/**
 * One kind of call made {@code calls} times in a row: the time of each call (percentiles in
 * microseconds), and the requests and client CPU of the whole stretch.
 *
 * @param elapsedNanos the first call's start to the last call's end (for a listener: the
 *                     connection's start to the last onMessage call's start)
 * @param requests     from the first call until acknowledgements went quiet
 */
public record CallStretch(int calls, long elapsedNanos, double p50Micros, double p90Micros, double p99Micros,
                          RequestCounts requests, CpuUse cpu) {

    /** A stretch the trial did not reach, or that failed: every figure NaN. */
    public static CallStretch unmeasured() {
        return new CallStretch(0, 0, Double.NaN, Double.NaN, Double.NaN, RequestCounts.none(), CpuUse.unmeasured());
    }

    static CallStretch of(int calls, long elapsedNanos, Samples times, RequestCounts requests, CpuUse cpu) {
        return new CallStretch(calls, elapsedNanos, micros(times, 50), micros(times, 90), micros(times, 99), requests,
                cpu);
    }

    private static double micros(Samples times, double percentile) {
        return times.percentileMillis(percentile) * 1e3;
    }

    public boolean measured() {
        return calls > 0;
    }

    public double callsPerSecond() {
        return elapsedNanos <= 0 ? Double.NaN : calls / (elapsedNanos / 1e9);
    }

    public double requestsPerCall() {
        return calls == 0 ? Double.NaN : (double) requests.total() / calls;
    }

    public Map<String, Double> requestsPerCallByAction() {
        return calls == 0 ? Map.of() : requests.per(calls);
    }

    public double clientCpuMicrosPerCall() {
        return cpu.clientMicrosPer(calls);
    }
}
