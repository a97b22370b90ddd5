package dev.hake.bench;

import dev.hake.bench.backend.Backend;
import dev.hake.bench.backend.Backends;
import dev.hake.bench.client.CamelClient;
import dev.hake.bench.client.ClientUnderTest;
import dev.hake.bench.client.FloorClient;
import dev.hake.bench.client.JmsClient;
import dev.hake.bench.client.JmsProfile;
import dev.hake.bench.report.Report;
import dev.hake.bench.run.LatencyResult;
import dev.hake.bench.run.CpuUse;
import dev.hake.bench.run.DrainRun;
import dev.hake.bench.run.IdleCpu;
import dev.hake.bench.run.LoneMessageRun;
import dev.hake.bench.run.PlainCallsResult;
import dev.hake.bench.run.PlainCallsRun;
import dev.hake.bench.run.ScaleRun;
import dev.hake.bench.run.ThroughputResult;
import dev.hake.bench.run.ThroughputRun;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the benchmark: every client on every scenario, one after another, against one backend
 * through the counting proxy; prints the report and writes it as Markdown.
 */
public final class Bench {

    private static final Duration IDLE_CPU_STRETCH = Duration.ofSeconds(5);

    private Bench() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(BenchOptions.from(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // Amazon's library and the SDK leave non-daemon threads behind.
        System.exit(status);
    }

    private static void run(BenchOptions options) throws IOException {
        List<ClientUnderTest> clients = allClients().stream().filter(c -> options.wantsClient(c.name())).toList();
        Results results = new Results();
        try (Backend backend = Backends.start(options.backend(), options.endpoint(), options.out().toAbsolutePath().getParent());
             Harness harness = new Harness(backend, options.timeCap(), options.requestDelay())) {
            describe(results, options, harness, clients);
            System.err.println("[bench] " + ProxyCheck.run(harness));
            if (options.warmUpMessages() > 0) {
                warmUp(harness, clients, options.warmUpMessages());
            }
            describeIdleCpu(results, harness);
            for (Scenario scenario : options.throughputScenarios()) {
                List<ClientUnderTest> taking = clients.stream()
                        .filter(c -> !scenario.topic() || c.supportsTopics()).toList();
                inRounds(options.repeat(), scenario.id(), taking,
                        client -> results.add(progress(ThroughputRun.run(harness, client, scenario))));
            }
            for (Scenario scenario : options.drainScenarios()) {
                List<ClientUnderTest> taking = clients.stream().filter(ClientUnderTest::supportsDrain).toList();
                inRounds(options.repeat(), scenario.id(), taking,
                        client -> results.add(progress(DrainRun.run(harness, client, scenario))));
            }
            if (options.wants(BenchOptions.PLAIN_CALLS)) {
                List<ClientUnderTest> taking = clients.stream().filter(ClientUnderTest::supportsPlainCalls).toList();
                inRounds(options.repeat(), BenchOptions.PLAIN_CALLS, taking,
                        client -> results.add(progress(PlainCallsRun.run(harness, client, options.plainCalls()))));
            }
            if (options.wants(BenchOptions.LONE)) {
                for (ClientUnderTest client : clients) {
                    LatencyResult r = LoneMessageRun.run(harness, client, options.loneMessages());
                    progress("lone " + client.name() + ": receive p50 " + r.receiveP50() + " ms");
                    results.add(r);
                }
            }
            if (options.wants(BenchOptions.SCALE) && options.wantsClient("hake-plain")) {
                results.scale(ScaleRun.run(harness, options.scaleQueues(), options.scaleListenerMillis()));
                progress("scale done");
            }
        }
        String text = Report.text(results);
        System.out.println(text);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), Report.markdown(results));
        System.out.println("Markdown: " + options.out().toAbsolutePath());
    }

    /**
     * Runs the scenario's trial for every client, {@code rounds} times: round 1 of every client, then
     * round 2, and so on, so that a slow minute of the machine hits every client alike.
     */
    private static void inRounds(int rounds, String scenario, List<ClientUnderTest> clients,
                                 Consumer<ClientUnderTest> trial) {
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                progress(scenario + ": round " + round + " of " + rounds);
            }
            clients.forEach(trial);
        }
    }

    static List<ClientUnderTest> allClients() {
        return List.of(new FloorClient(), JmsClient.hake(JmsProfile.PLAIN), JmsClient.hake(JmsProfile.THROUGHPUT),
                JmsClient.hake(JmsProfile.TRANSACTED), new CamelClient(), JmsClient.amazon(), JmsClient.amazonBest());
    }

    /** An unmeasured round per client, so class loading and JIT do not land on the first scenarios. */
    private static void warmUp(Harness harness, List<ClientUnderTest> clients, int messages) {
        for (ClientUnderTest client : clients) {
            ThroughputResult r = ThroughputRun.run(harness, client, Scenario.queue(1, BenchOptions.SMALL, messages));
            progress("warm-up " + client.name() + ": " + Math.round(r.messagesPerSecond()) + " msg/s");
        }
    }

    private static void describe(Results results, BenchOptions options, Harness harness, List<ClientUnderTest> clients) {
        results.context("date", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        results.context("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        results.context("backend", harness.backend().name() + " at " + harness.backend().endpoint()
                + ", every client through the counting proxy at " + harness.proxy().endpoint());
        results.context("request delay", options.requestDelay().isZero() ? "none (bench.requestDelayMillis=0)"
                : options.requestDelay().toMillis() + " ms per request, added by the proxy before forwarding"
                + (options.requestDelay().toMillis() == BenchOptions.REALISTIC_DELAY_MILLIS
                ? " (bench.realistic: about EC2 to SQS in one region)" : ""));
        results.context("messages", options.messages() + " per 256 B scenario, " + options.largeMessages()
                + " per 64 KiB scenario, " + options.drainMessages() + " per drain backlog, "
                + (options.wants(BenchOptions.PLAIN_CALLS) ? options.plainCalls() + " plain calls of each kind, "
                : "") + options.loneMessages() + " lone; time cap " + options.timeCap().toSeconds() + " s per scenario");
        if (options.repeat() > 1) {
            results.context("repeat", options.repeat() + " rounds of every throughput, drain and plain-calls scenario,"
                    + " interleaved (round 1 of every client, then round 2, ...); the tables show medians (lone and"
                    + " scale run once)");
        }
        results.repeat(options.repeat());
        results.context("client CPU", "the benchmark JVM's process CPU time less the counting proxy's threads',"
                + " over the same stretch as the requests; GC and JIT threads are charged to whoever runs"
                + (harness.backend().inProcess() ? "; THE BACKEND RUNS IN THIS JVM (bench.backend="
                + harness.backend().name() + "), SO EVERY CPU FIGURE INCLUDES THE BACKEND'S" : ""));
        results.requestDelayMillis(options.requestDelay().toMillis());
        clients.forEach(c -> results.client(c.name(), c.description()));
    }

    /** What the JVM and the backend spend with nothing running, so that a slow trial's CPU can be read against it. */
    private static void describeIdleCpu(Results results, Harness harness) {
        try {
            CpuUse idle = IdleCpu.over(harness, IDLE_CPU_STRETCH);
            double seconds = IDLE_CPU_STRETCH.toMillis() / 1e3;
            results.context("idle CPU", String.format(Locale.ROOT, "%.1f ms a second in the benchmark JVM less the"
                            + " proxy%s, measured over %.0f s with no trial running; a trial's CPU includes this"
                            + " background for as long as it runs", idle.clientNanos() / 1e6 / seconds,
                    idle.backendNanos() < 0 ? "" : String.format(Locale.ROOT, ", %.1f ms a second in the backend",
                            idle.backendNanos() / 1e6 / seconds), seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring idle CPU", e);
        }
    }

    private static ThroughputResult progress(ThroughputResult r) {
        progress(r.scenario().id() + " " + r.client() + ": " + Math.round(r.messagesPerSecond()) + " msg/s, "
                + String.format(Locale.ROOT, "%.3f req/msg, CPU us/msg: client %.0f, proxy %.0f, backend %.0f",
                r.requestsPerMessage(), r.clientCpuMicrosPerMessage(), r.cpu().proxyNanos() / 1e3 / r.delivered(),
                r.cpu().backendMicrosPer(r.delivered())) + (r.error() == null ? "" : " (" + r.error() + ")"));
        return r;
    }

    private static PlainCallsResult progress(PlainCallsResult r) {
        progress(BenchOptions.PLAIN_CALLS + " " + r.client() + String.format(Locale.ROOT,
                ": p50 us: send %.0f, receive %.1f, listener gap %.1f; listener %.0f msg/s", r.send().p50Micros(),
                r.receive().p50Micros(), r.listener().p50Micros(), r.listener().callsPerSecond())
                + (r.error() == null ? "" : " (" + r.error() + ")"));
        return r;
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
