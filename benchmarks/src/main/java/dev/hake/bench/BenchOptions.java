package dev.hake.bench;

import dev.hake.bench.backend.Backends;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run's options, from system properties ({@code -Dbench.messages=500}) or arguments
 * ({@code bench.messages=500}); arguments win.
 *
 * @param scenarios    ids to run (queue-1c-256B, ..., drain-1c, drain-4c, plain-calls, lone, scale), or empty for all
 * @param clients      client names to run, or empty for all
 * @param requestDelay how long the counting proxy holds each request before forwarding it
 * @param repeat       rounds of every throughput, drain and plain-calls scenario; the report shows medians
 * @param plainCalls   calls of each kind in the plain-calls scenario
 */
public record BenchOptions(String backend, String endpoint, int messages, int largeMessages, Set<String> scenarios,
                           Set<String> clients, Duration timeCap, int scaleQueues, int scaleListenerMillis,
                           int loneMessages, int warmUpMessages, int drainMessages, Duration requestDelay, int repeat,
                           int plainCalls, Path out) {

    public static final String LONE = "lone";
    public static final String SCALE = "scale";
    public static final String PLAIN_CALLS = "plain-calls";
    static final int SMALL = 256;
    static final int LARGE = 64 * 1024;
    /** Enough for the JIT to settle in the clients and the in-process backend: the first thousand or two run 2-3x slower. */
    static final int DEFAULT_WARM_UP_MESSAGES = 2_000;
    /** bench.realistic: about a request's round trip from EC2 to SQS in the same region. */
    static final int REALISTIC_DELAY_MILLIS = 8;
    private static final int[] DRAIN_CONSUMERS = {1, 4};

    public static BenchOptions from(String[] args) {
        for (String arg : args) {
            String a = arg.startsWith("-D") ? arg.substring(2) : arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are bench.key=value, was '" + arg + "'");
            }
            System.setProperty(a.substring(0, eq), a.substring(eq + 1));
        }
        int messages = number("bench.messages", 2_000);
        return new BenchOptions(
                text("bench.backend", Backends.EMBEDDED_PROCESS),
                text("bench.endpoint", ""),
                messages,
                number("bench.largeMessages", 200),
                names("bench.scenarios"),
                names("bench.clients"),
                Duration.ofSeconds(number("bench.timeCapSeconds", 120)),
                number("bench.scaleQueues", 1_000),
                number("bench.scaleListenerMillis", 0),
                number("bench.loneMessages", 20),
                warmUpMessages(text("bench.warmUp", "true")),
                number("bench.drainMessages", 5_000),
                Duration.ofMillis(requestDelayMillis()),
                atLeastOne("bench.repeat", 1),
                atLeastOne("bench.plainCalls", messages),
                Path.of(text("bench.out", "target/benchmark-results.md")));
    }

    /** bench.requestDelayMillis if given, else 8 ms with bench.realistic=true, else none. */
    private static int requestDelayMillis() {
        String realistic = text("bench.realistic", "false");
        if (!realistic.equals("true") && !realistic.equals("false")) {
            throw new IllegalArgumentException("bench.realistic is true or false; was '" + realistic + "'");
        }
        int delay = number("bench.requestDelayMillis", realistic.equals("true") ? REALISTIC_DELAY_MILLIS : 0);
        if (delay < 0) {
            throw new IllegalArgumentException("bench.requestDelayMillis cannot be negative; was " + delay);
        }
        return delay;
    }

    /** Messages of the unmeasured first round per client: a count, or true (2,000) or false (none). */
    private static int warmUpMessages(String value) {
        return switch (value) {
            case "true" -> DEFAULT_WARM_UP_MESSAGES;
            case "false" -> 0;
            default -> {
                try {
                    yield Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bench.warmUp is a message count, true or false; was '" + value + "'");
                }
            }
        };
    }

    /** Every throughput scenario, with the message counts of these options. */
    public List<Scenario> throughputScenarios() {
        List<Scenario> all = new ArrayList<>();
        for (int size : new int[] {SMALL, LARGE}) {
            int n = size == SMALL ? messages : largeMessages;
            all.add(Scenario.queue(1, size, n));
            all.add(Scenario.queue(4, size, n));
            all.add(Scenario.topic(1, size, n));
            all.add(Scenario.topic(3, size, n));
        }
        return all.stream().filter(s -> wants(s.id())).toList();
    }

    /** The drain scenarios wanted, with bench.drainMessages 256 B messages each. */
    public List<Scenario> drainScenarios() {
        List<Scenario> all = new ArrayList<>();
        for (int consumers : DRAIN_CONSUMERS) {
            all.add(Scenario.drain(consumers, SMALL, drainMessages));
        }
        return all.stream().filter(s -> wants(s.id())).toList();
    }

    public boolean wants(String scenarioId) {
        return scenarios.isEmpty() || scenarios.contains(scenarioId);
    }

    public boolean wantsClient(String name) {
        return clients.isEmpty() || clients.contains(name);
    }

    private static String text(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int atLeastOne(String key, int fallback) {
        int n = number(key, fallback);
        if (n < 1) {
            throw new IllegalArgumentException(key + " must be 1 or more, was " + n);
        }
        return n;
    }

    private static int number(String key, int fallback) {
        String v = text(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'", e);
        }
    }

    /** Comma-separated names; "all" or nothing means no filter. */
    private static Set<String> names(String key) {
        String v = text(key, "all");
        Set<String> set = new LinkedHashSet<>(Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        return set.contains("all") ? Set.of() : set;
    }
}
