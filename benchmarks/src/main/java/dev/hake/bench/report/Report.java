package dev.hake.bench.report;

import dev.hake.bench.Results;
import dev.hake.bench.Trials;
import dev.hake.bench.run.LatencyResult;
import dev.hake.bench.run.PlainCall;
import dev.hake.bench.run.PlainCallsResult;
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

    private static final String PLAIN_CALLS_NOTE = "One thread, nothing between calls, AUTO_ACKNOWLEDGE for every"
            + " client (amazon-jms-best here is Amazon's library with its prefetch of 10, without its CLIENT_ACKNOWLEDGE)."
            + " sync send: producer.send of a 256 B TextMessage to a queue no consumer reads, after 200 unmeasured."
            + " receive: receive(5000) on that queue, after 200 unmeasured; a client that prefetches answers most"
            + " from its buffer, so p50 is the buffer's path and p99 includes the waits for polls. listener call: a"
            + " backlog loaded first (unmeasured, by the floor's batch sender), then a listener that does nothing:"
            + " the gap from one onMessage call's start to the next's, delivery and acknowledgement as the listener"
            + " sees them. Times per call in µs, System.nanoTime around the call. msg/s: calls / (first call's start"
            + " to last call's end); listener: backlog / (connection start to last onMessage start). p50 x amazon-jms:"
            + " the client's p50 over amazon-jms's (below 1: faster). CPU and requests: from the first measured call"
            + " until deletes stopped (0.5 s of quiet, whose idle CPU is in the figure), per call.";
    /** Where msg/s is among the throughput and drain tables' columns: the range column goes after it. */
    private static final int MSG_PER_SECOND_COLUMN = 3;
    /** Where p50 is among the plain-calls table's columns: the range column goes after it. */
    private static final int P50_COLUMN = 3;
    private static final String AMAZON = "amazon-jms";
    private static final String AMAZON_BEST = "amazon-jms-best";

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
        if (!results.plainCalls().isEmpty()) {
            heading(2, "Plain JMS per call");
            line(PLAIN_CALLS_NOTE + mediansNote());
            table(plainCalls());
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
                + " percentiles, requests, in all and by action, CPU); a ratio to another client (x floor, CPU x floor,"
                + " p50 x amazon-jms): the median of the ratios to that client's trial of the same round, not the ratio"
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

    private Table plainCalls() {
        Table t = new Table(withColumn(P50_COLUMN + 1, () -> "p50 range µs>", "client", "call", "calls>", "p50 µs>",
                "p90 µs>", "p99 µs>", "p50 x " + AMAZON + ">", "p50 x " + AMAZON_BEST + ">", "msg/s>", "CPU µs/call>",
                "req/call>", "requests per call, by action", "notes"));
        for (PlainCall call : PlainCall.values()) {
            ToDoubleFunction<PlainCallsResult> p50 = r -> r.stretch(call).p50Micros();
            for (Trials<PlainCallsResult> r : results.plainCalls()) {
                t.row(withColumn(P50_COLUMN + 1, () -> Format.range(Format.micros(r.lowest(p50)),
                                Format.micros(r.highest(p50))),
                        r.first().client(), call.label(),
                        Format.fixed(r.highest(c -> c.stretch(call).calls()), 0),
                        Format.micros(r.median(p50)), Format.micros(r.median(c -> c.stretch(call).p90Micros())),
                        Format.micros(r.median(c -> c.stretch(call).p99Micros())),
                        versus(r, AMAZON, p50), versus(r, AMAZON_BEST, p50),
                        Format.fixed(r.median(c -> c.stretch(call).callsPerSecond()), 0),
                        Format.micros(r.median(c -> c.stretch(call).clientCpuMicrosPerCall())),
                        Format.fixed(r.median(c -> c.stretch(call).requestsPerCall()), 3),
                        Format.perUnit(r.medianByKey(c -> c.stretch(call).requestsPerCallByAction())),
                        notes(r, call)));
            }
        }
        return t;
    }

    /** The median of the round-by-round ratios of {@code figure} to the reference client's, "-" for itself. */
    private String versus(Trials<PlainCallsResult> r, String reference, ToDoubleFunction<PlainCallsResult> figure) {
        if (r.first().client().equals(reference)) {
            return "-";
        }
        return results.plainCalls(reference).map(a -> Format.ratio(r.medianRatio(a, figure))).orElse("-");
    }

    /** Why a round has no figures for this call: the trial stopped at it or before it. */
    private String notes(Trials<PlainCallsResult> trials, PlainCall call) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < trials.count(); i++) {
            PlainCallsResult r = trials.list().get(i);
            if (!r.stretch(call).measured() && r.error() != null) {
                notes.add(repeated() ? "round " + (i + 1) + ": " + r.error() : r.error());
            }
        }
        return String.join("; ", notes);
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
