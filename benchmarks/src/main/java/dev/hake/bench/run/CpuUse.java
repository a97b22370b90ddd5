package dev.hake.bench.run;

/**
 * CPU time used over a measured stretch, in nanoseconds.
 *
 * @param clientNanos  the benchmark JVM's, less the counting proxy's threads: the client's
 *                     (and an in-process backend's)
 * @param proxyNanos   the counting proxy's threads'
 * @param backendNanos an out-of-process backend's, or -1 where the benchmark cannot see it
 */
public record CpuUse(long clientNanos, long proxyNanos, long backendNanos) {

    public static CpuUse unmeasured() {
        return new CpuUse(-1, -1, -1);
    }

    /** Client CPU microseconds per message, or NaN if unmeasured. */
    public double clientMicrosPer(int messages) {
        return per(clientNanos, messages);
    }

    public double backendMicrosPer(int messages) {
        return per(backendNanos, messages);
    }

    private static double per(long nanos, int messages) {
        return nanos < 0 || messages <= 0 ? Double.NaN : nanos / 1e3 / messages;
    }
}
