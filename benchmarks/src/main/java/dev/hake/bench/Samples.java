package dev.hake.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles in milliseconds. */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0-100, nearest rank) in ms; NaN when there are no samples. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
