package dev.hake.bench.run;

import dev.hake.bench.Harness;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The CPU the benchmark JVM (less the proxy) and the backend use while no trial runs: a background
 * that every trial's CPU figures include, in proportion to how long the trial took.
 */
public final class IdleCpu {

    private IdleCpu() {
    }

    /** CPU used over {@code stretch} with nothing running. */
    public static CpuUse over(Harness harness, Duration stretch) throws InterruptedException {
        ClientCpu cpu = ClientCpu.start(harness);
        TimeUnit.NANOSECONDS.sleep(stretch.toNanos());
        return cpu.stop();
    }
}
