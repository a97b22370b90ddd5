package dev.hake.bench.report;

import dev.hake.bench.Results;
import dev.hake.bench.Trials;
import dev.hake.bench.run.LatencyResult;
import dev.hake.bench.run.ScaleResult;
import dev.hake.bench.run.ThroughputResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The run's results as plain text (for the terminal) or Markdown (for the file and the docs). */
public final class Report {

    private static final String CPU_NOTE = "CPU µs/msg: the client's CPU time per message consumed, over the"
            + " same stretch as the requests (see the header); backend CPU µs/msg: the backend process's, where the"
            + " benchmark started it as a process of its own.";

    /** Where msg/s is among the throughput and drain tables' columns: the range column goes after it. */
    private static final int MSG_PER_SECOND_COLUMN = 3;

    private final Results results;
    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    private Report(Results results, boolean markdown) {
        this.results = results;
        this.markdown = markdown;
    }

    public static String text(Results results) {
        return new Report(results, false).render();
    }

    public static String markdown(Results results) {
        return new Report(results, true).render();
    }

    private String render() {
        heading(1, "hake benchmark");
        results.context().forEach((k, v) -> line((markdown ? "- " : "") + k + ": " + v));
        heading(2, "Clients");
        results.clients().forEach((k, v) -> line((markdown ? "- `" + k + "`" : k) + ": " + v));
        if (!results.sentWhileConsumed().isEmpty()) {
            heading(2, "Throughput, requests and client CPU per message");
            line("msg/s: messages sent / (last distinct message consumed - first send); a topic message counts once."
                    + " send: per sync send call (plain, amazon-jms), per CompletionListener completion"
                    + " (throughput), per 10 sends + commit (transacted), per exchange completion (camel),"
                    + " per batch request (floor)."
                    + " e2e: body's send timestamp to consumer receipt. req/msg: every request from the first"
                    + " send until deletes stopped, / messages sent. " + CPU_NOTE + mediansNote());
            table(throughput());
        }
        if (!results.drains().isEmpty()) {
            heading(2, "Drain: a backlog consumed");
            line("The backlog is loaded onto a fresh queue first (unmeasured, by the floor's batch sender, for every"
                    + " client alike); then the client's consumers start. msg/s: backlog / (last distinct message"
                    + " consumed - consumers' start). req/msg: every request from the start until deletes stopped,"
                    + " / backlog. " + CPU_NOTE + mediansNote());
            table(drains());
        }
        if (!results.lone().isEmpty()) {
            heading(2, "Lone messages on an idle queue");
            line("One 256 B message every 200 ms to a consumer already waiting. send: one send call;"
                    + " receive: send start to consumer receipt. req/msg includes the idle consumer's polls.");
            table(lone());
        }
        results.scale().ifPresent(s -> {
            heading(2, "Scale: one connection, " + s.queues() + " queues, " + s.queues() + " listening consumers"
                    + (s.listenerMillis() == 0 ? "" : ", each listener working " + s.listenerMillis() + " ms"));
            table(scale(s));
        });
        heading(2, "Targets");
        table(Targets.table(results));
        line("Abbreviations: " + Format.legend() + ".");
        return out.toString();
    }

    private Table throughput() {
        Table t = new Table(withRange("scenario", "client", "msgs>", "msg/s>", "x floor>", "send p50/p99 ms>",
                "e2e p50/p99 ms>", "req/msg>", "CPU µs/msg>", "CPU x floor>", "backend CPU µs/msg>",
                "requests per message, by action", "notes"));
        for (Trials<ThroughputResult> r : results.sentWhileConsumed()) {
            Optional<Trials<ThroughputResult>> floor = results.throughput(r.first().scenario().id(), "floor");
            t.row(withRange(r, r.first().scenario().id(), r.first().client(),
                    Integer.toString(r.first().scenario().messages()),
                    Format.fixed(r.median(ThroughputResult::messagesPerSecond), 0),
                    ratio(r, floor, ThroughputResult::messagesPerSecond),
                    Format.pair(r.median(ThroughputResult::sendP50), r.median(ThroughputResult::sendP99)),
                    Format.pair(r.median(ThroughputResult::endToEndP50), r.median(ThroughputResult::endToEndP99)),
                    Format.fixed(r.median(ThroughputResult::requestsPerMessage), 3),
                    Format.fixed(r.median(ThroughputResult::clientCpuMicrosPerMessage), 0),
                    ratio(r, floor, ThroughputResult::clientCpuMicrosPerMessage),
                    Format.fixed(r.median(ThroughputResult::backendCpuMicrosPerMessage), 0),
                    Format.perUnit(r.medianByKey(ThroughputResult::requestsPerMessageByAction)), notes(r)));
        }
        return t;
    }

    private Table drains() {
        Table t = new Table(withRange("scenario", "client", "msgs>", "msg/s>", "x floor>", "req/msg>",
                "CPU µs/msg>", "CPU x floor>", "backend CPU µs/msg>", "requests per message, by action", "notes"));
        for (Trials<ThroughputResult> r : results.drains()) {
            Optional<Trials<ThroughputResult>> floor = results.throughput(r.first().scenario().id(), "floor");
            t.row(withRange(r, r.first().scenario().id(), r.first().client(),
                    Integer.toString(r.first().scenario().messages()),
                    Format.fixed(r.median(ThroughputResult::messagesPerSecond), 0),
                    ratio(r, floor, ThroughputResult::messagesPerSecond),
                    Format.fixed(r.median(ThroughputResult::requestsPerMessage), 3),
                    Format.fixed(r.median(ThroughputResult::clientCpuMicrosPerMessage), 0),
                    ratio(r, floor, ThroughputResult::clientCpuMicrosPerMessage),
                    Format.fixed(r.median(ThroughputResult::backendCpuMicrosPerMessage), 0),
                    Format.perUnit(r.medianByKey(ThroughputResult::requestsPerMessageByAction)), notes(r)));
        }
        return t;
    }

    /** With repeated rounds: how to read the medians, said under each table they are in. */
    private String mediansNote() {
        return repeated() ? " Each row: the median of " + results.repeat() + " trials, run in interleaved rounds"
                + " (round 1 of every client of the scenario, then round 2, ...), of each figure (msg/s, latency"
                + " percentiles, requests, in all and by action, CPU); a ratio to another client (x floor, CPU x floor):"
                + " the median of the ratios to that client's trial of the same round, not the ratio"
                + " of the medians; range: the lowest and highest of the trials. The targets are judged on these"
                + " medians." : "";
    }

    /** With repeated rounds, a column after msg/s with the trials' lowest and highest msg/s. */
    private String[] withRange(String... headers) {
        return withColumn(MSG_PER_SECOND_COLUMN + 1, () -> "msg/s range>", headers);
    }

    private String[] withRange(Trials<ThroughputResult> r, String... cells) {
        return withColumn(MSG_PER_SECOND_COLUMN + 1, () -> Format.range(r.lowest(ThroughputResult::messagesPerSecond),
                r.highest(ThroughputResult::messagesPerSecond), 0), cells);
    }

    /** The cells with {@code value} inserted at {@code index} if the run had several rounds, else as they are. */
    private String[] withColumn(int index, Supplier<String> value, String... cells) {
        if (!repeated()) {
            return cells;
        }
        List<String> all = new ArrayList<>(List.of(cells));
        all.add(index, value.get());
        return all.toArray(String[]::new);
    }

    private boolean repeated() {
        return results.repeat() > 1;
    }

    /** The median of the round-by-round ratios to the floor's trial of the same round. */
    private static String ratio(Trials<ThroughputResult> r, Optional<Trials<ThroughputResult>> floor,
                                ToDoubleFunction<ThroughputResult> figure) {
        return floor.map(f -> Format.fixed(r.medianRatio(f, figure), 2)).orElse("-");
    }

    /** What went wrong in any round, by round when there were several. */
    private String notes(Trials<ThroughputResult> trials) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < trials.count(); i++) {
            String n = notes(trials.list().get(i));
            if (!n.isEmpty()) {
                notes.add(repeated() ? "round " + (i + 1) + ": " + n : n);
            }
        }
        return String.join("; ", notes);
    }

    private static String notes(ThroughputResult r) {
        StringBuilder n = new StringBuilder();
        if (r.delivered() < r.scenario().deliveries()) {
            n.append("delivered ").append(r.delivered()).append(" of ").append(r.scenario().deliveries()).append("; ");
        }
        if (r.duplicates() > 0) {
            n.append(r.duplicates()).append(" duplicates; ");
        }
        if (r.error() != null) {
            n.append(r.error());
        }
        return n.toString().replaceAll("; $", "");
    }

    private Table lone() {
        Table t = new Table("client", "msgs>", "send p50/p99 ms>", "receive p50/p99 ms>", "receive p50 - floor's>",
                "req/msg>", "requests per message, by action", "notes");
        Optional<LatencyResult> floor = results.lone("floor");
        for (LatencyResult r : results.lone()) {
            t.row(r.client(), Integer.toString(r.messages()), Format.pair(r.sendP50(), r.sendP99()),
                    Format.pair(r.receiveP50(), r.receiveP99()),
                    floor.map(f -> Format.fixed(r.receiveP50() - f.receiveP50(), 1) + " ms").orElse("-"),
                    Format.fixed((double) r.requests().total() / r.messages(), 2),
                    Format.perUnit(r.requests(), r.messages()),
                    (r.delivered() < r.messages() ? "delivered " + r.delivered() + "; " : "")
                            + (r.error() == null ? "" : r.error()));
        }
        return t;
    }

    private static Table scale(ScaleResult s) {
        Table t = new Table("measure", "value");
        t.row("consumers that got their message", s.delivered() + " of " + s.queues()
                + (s.error() == null ? "" : " (" + s.error() + ")"));
        t.row("creating the consumers", Format.fixed(s.setupSeconds(), 1) + " s");
        t.row("one message to each queue, until the last was consumed", Format.fixed(s.deliverySeconds(), 1) + " s");
        t.row("hake threads, all consumers idle", Integer.toString(s.hakeThreadsIdle()));
        t.row("hake threads, peak", Integer.toString(s.hakeThreadsPeak()));
        t.row("hake threads at the peak, by name", s.threadsAtPeak().entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        t.row("JVM threads, peak (harness and in-process backend included)", Integer.toString(s.jvmThreadsPeak()));
        t.row("heap used after GC, connection open, less before it", Format.mib(s.heapDeltaBytes()));
        t.row("heap used after GC, connection open, whole JVM", Format.mib(s.heapAfterBytes()));
        t.row("requests to create the consumers", Format.counts(s.setupRequests()));
        t.row("requests from the first send until deletes stopped", Format.counts(s.deliveryRequests()));
        return t;
    }

    private void heading(int level, String title) {
        if (markdown) {
            out.append(out.length() == 0 ? "" : "\n").append("#".repeat(level)).append(' ').append(title).append("\n\n");
        } else {
            out.append(out.length() == 0 ? "" : "\n").append(title).append('\n')
                    .append((level == 1 ? "=" : "-").repeat(title.length())).append('\n');
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
        if (markdown && !text.startsWith("- ")) {
            out.append('\n');
        }
    }

    private void table(Table t) {
        out.append(markdown ? t.markdown() : t.text());
        if (markdown) {
            // A Markdown table runs on to the next blank line: without one, the next paragraph is a row.
            out.append('\n');
        }
    }
}
