package dev.hake.bench;

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
 * @param scenarios ids to run (queue-1c-256B, ..., lone, scale), or empty for all
 * @param clients   client names to run, or empty for all
 */
public record BenchOptions(String backend, String endpoint, int messages, int largeMessages, Set<String> scenarios,
                           Set<String> clients, Duration timeCap, int scaleQueues, int scaleListenerMillis,
                           int loneMessages, boolean warmUp, Path out) {

    public static final String LONE = "lone";
    public static final String SCALE = "scale";
    static final int SMALL = 256;
    static final int LARGE = 64 * 1024;

    public static BenchOptions from(String[] args) {
        for (String arg : args) {
            String a = arg.startsWith("-D") ? arg.substring(2) : arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are bench.key=value, was '" + arg + "'");
            }
            System.setProperty(a.substring(0, eq), a.substring(eq + 1));
        }
        return new BenchOptions(
                text("bench.backend", "embedded"),
                text("bench.endpoint", ""),
                number("bench.messages", 2_000),
                number("bench.largeMessages", 200),
                names("bench.scenarios"),
                names("bench.clients"),
                Duration.ofSeconds(number("bench.timeCapSeconds", 120)),
                number("bench.scaleQueues", 1_000),
                number("bench.scaleListenerMillis", 0),
                number("bench.loneMessages", 20),
                Boolean.parseBoolean(text("bench.warmUp", "true")),
                Path.of(text("bench.out", "target/benchmark-results.md")));
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
