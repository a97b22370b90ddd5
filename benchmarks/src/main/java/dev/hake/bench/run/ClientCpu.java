package dev.hake.bench.run;

import com.sun.management.OperatingSystemMXBean;
import dev.hake.bench.Harness;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * The CPU a client used over one stretch of a trial: the benchmark JVM's process CPU time less
 * what the counting proxy's threads used meanwhile. The JVM's GC and JIT threads are charged to
 * whoever runs, the proxy's garbage included; with an in-process backend the backend's CPU is in
 * it too. Also the backend's own CPU, where it is a process the benchmark started.
 */
final class ClientCpu {

    private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private final Harness harness;
    private final long processStart;
    private final long proxyStart;
    private final OptionalLong backendStart;

    private ClientCpu(Harness harness) {
        this.harness = harness;
        this.proxyStart = harness.proxy().cpuNanos();
        this.backendStart = harness.backend().cpuNanos();
        this.processStart = OS.getProcessCpuTime();
    }

    /** Starts measuring now. */
    static ClientCpu start(Harness harness) {
        return new ClientCpu(harness);
    }

    /** What was used since {@link #start}. */
    CpuUse stop() {
        long process = OS.getProcessCpuTime() - processStart;
        long proxy = harness.proxy().cpuNanos() - proxyStart;
        OptionalLong backendNow = harness.backend().cpuNanos();
        long backend = backendStart.isPresent() && backendNow.isPresent()
                ? backendNow.getAsLong() - backendStart.getAsLong() : -1;
        return new CpuUse(process - proxy, proxy, backend);
    }
}
