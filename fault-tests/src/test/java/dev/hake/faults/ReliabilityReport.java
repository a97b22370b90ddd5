package dev.hake.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The figures of a run: one row per (scenario, fault) in {@code reliability-<backend>.md} in the
 * build directory, rewritten whole as each case ends (cases of one run share a JVM), and each row
 * printed as it comes.
 */
final class ReliabilityReport {

    /** Scenarios in the order the report lists them. */
    static final List<String> SCENARIOS = List.of(
            "queue-listeners", "transacted-queue", "durable-topic", "client-ack-recover", "killed-consumer");

    private static final List<CaseResult> RESULTS = new ArrayList<>();
    private static final Map<String, List<String>> NOTES = new java.util.TreeMap<>();
    private static final String STARTED = OffsetDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

    private ReliabilityReport() {
    }

    static synchronized void add(CaseResult result) {
        RESULTS.add(result);
        RESULTS.sort(Comparator.comparing((CaseResult r) -> SCENARIOS.indexOf(r.scenario()))
                .thenComparing(CaseResult::fault));
        System.out.println("[fault-suite] " + header().get(0));
        System.out.println("[fault-suite] " + row(result));
        write(result.backend());
    }

    /** Observations of the backend itself (what it answers to a repeated delete), listed under the table. */
    static synchronized void note(String backend, List<String> findings) {
        NOTES.computeIfAbsent(backend, b -> new ArrayList<>()).addAll(findings);
        write(backend);
    }

    private static void write(String backend) {
        Path file = FaultSettings.reportDirectory().resolve("reliability-" + backend + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(backend), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String commit;

    private static String render(String backend) {
        if (commit == null) {
            commit = commit();
        }
        StringBuilder md = new StringBuilder();
        md.append("# Reliability under injected faults: ").append(backend).append("\n\n");
        md.append("Run started ").append(STARTED).append(", commit ").append(commit)
                .append(", ").append(FaultSettings.MESSAGES).append(" messages per case, fault rate ")
                .append(FaultSettings.RATE).append(" (MIXED: ").append(FaultSettings.MIXED_RATE).append(")")
                .append(", base seed ").append(FaultSettings.SEED)
                .append(", visibility timeout ").append(FaultSettings.VISIBILITY_TIMEOUT_SECONDS).append(" s.\n\n");
        header().forEach(line -> md.append(line).append('\n'));
        RESULTS.stream().filter(r -> r.backend().equals(backend)).forEach(r -> md.append(row(r)).append('\n'));
        List<String> notes = NOTES.getOrDefault(backend, List.of());
        if (!notes.isEmpty()) {
            md.append("\n## What the backend answers to a repeated acknowledgement\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Details\n");
        for (CaseResult r : RESULTS) {
            if (!r.backend().equals(backend)) {
                continue;
            }
            md.append("\n### ").append(r.scenario()).append(" / ").append(r.fault())
                    .append(r.passed() ? " (pass)" : " (FAIL)").append("\n\n");
            md.append("- seed ").append(r.seed()).append(", ").append(String.format("%.1f", r.seconds())).append(" s\n");
            if (!r.lostSamples().isEmpty()) {
                md.append("- lost (first ").append(r.lostSamples().size()).append("): ")
                        .append(String.join(", ", r.lostSamples())).append('\n');
            }
            if (!r.falseFailureSamples().isEmpty()) {
                md.append("- false failures: ").append(String.join(", ", r.falseFailureSamples())).append('\n');
            }
            if (!r.unmarkedSamples().isEmpty()) {
                md.append("- unmarked duplicates (first ").append(r.unmarkedSamples().size()).append("): ")
                        .append(String.join(", ", r.unmarkedSamples())).append('\n');
            }
            if (!r.finalDelivered()) {
                md.append("- the message sent after the faults were switched off did not arrive everywhere\n");
            }
            r.exceptionTexts().forEach((kind, text) -> md.append("- `").append(kind).append("` ×")
                    .append(r.exceptions().get(kind)).append(": ").append(text).append('\n'));
            if (!r.proxyCounts().isEmpty()) {
                md.append("- proxy: ").append(r.proxyCounts()).append('\n');
            }
        }
        return md.toString();
    }

    private static List<String> header() {
        return List.of(
                "| scenario | fault | sent ok / in doubt (arrived) / not sent | lost | duplicates (after ack) | unmarked"
                        + " | false failures | exceptions seen | ExceptionListener | faults injected | final msg | result | s |",
                "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- | --- | ---: |");
    }

    private static String row(CaseResult r) {
        String exceptions = r.exceptions().isEmpty() ? "none" : r.exceptions().entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; "));
        String faults = r.faultsInjected() + (r.faults().size() > 1 ? " " + compact(r.faults()) : "");
        return "| " + r.scenario() + " | " + r.fault() + " | " + r.sentOk() + " / " + r.sentInDoubt() + " ("
                + r.inDoubtArrived() + ") / " + r.notSent() + " | " + r.lost() + " | " + r.duplicates() + " ("
                + r.duplicatesAfterAck() + ") | " + r.unmarked() + " | " + r.falseFailures() + " | " + exceptions
                + " | " + r.listenerCalls() + " | " + faults + " | " + (r.finalDelivered() ? "ok" : "MISSING")
                + " | " + (r.passed() ? "pass" : "**FAIL**") + " | " + String.format("%.0f", r.seconds()) + " |";
    }

    private static String compact(Map<String, Long> faults) {
        return faults.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The commit under test, from git if it is at hand. */
    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
            git.destroyForcibly();
        } catch (IOException e) {
            // no git here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
