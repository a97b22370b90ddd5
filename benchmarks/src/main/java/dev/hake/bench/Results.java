package dev.hake.bench;

import dev.hake.bench.run.LatencyResult;
import dev.hake.bench.run.PlainCallsResult;
import dev.hake.bench.run.ScaleResult;
import dev.hake.bench.run.ThroughputResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark run measured, and what it ran on. A scenario run in several rounds
 * ({@code bench.repeat}) has one {@link Trials} per client, the rounds' results in round order.
 */
public final class Results {

    private final Map<String, String> context = new LinkedHashMap<>();
    private final Map<String, String> clients = new LinkedHashMap<>();
    /** By scenario and client, in the order first run: the report's row order. */
    private final Map<String, List<ThroughputResult>> throughput = new LinkedHashMap<>();
    private final Map<String, List<PlainCallsResult>> plainCalls = new LinkedHashMap<>();
    private final List<LatencyResult> lone = new ArrayList<>();
    private ScaleResult scale;
    private long requestDelayMillis;
    private int repeat = 1;

    /** A line of the report's header: date, machine, backend, ... */
    public void context(String key, String value) {
        context.put(key, value);
    }

    /** How long the proxy held each request: the targets ask more of a run with network latency. */
    public void requestDelayMillis(long millis) {
        requestDelayMillis = millis;
    }

    public long requestDelayMillis() {
        return requestDelayMillis;
    }

    /** Rounds each throughput, drain and plain-calls scenario ran: above 1 the report shows medians and spreads. */
    public void repeat(int rounds) {
        repeat = rounds;
    }

    public int repeat() {
        return repeat;
    }

    public void client(String name, String description) {
        clients.put(name, description);
    }

    /** One round's result; the rounds of a scenario and client are added in round order. */
    public void add(ThroughputResult r) {
        throughput.computeIfAbsent(r.scenario().id() + " " + r.client(), k -> new ArrayList<>()).add(r);
    }

    /** One round's result of the plain-calls scenario, in round order. */
    public void add(PlainCallsResult r) {
        plainCalls.computeIfAbsent(r.client(), k -> new ArrayList<>()).add(r);
    }

    public void add(LatencyResult r) {
        lone.add(r);
    }

    public void scale(ScaleResult r) {
        scale = r;
    }

    public Map<String, String> context() {
        return context;
    }

    public Map<String, String> clients() {
        return clients;
    }

    /** Every throughput and drain scenario's trials, one per client, in the order first run. */
    public List<Trials<ThroughputResult>> throughput() {
        return throughput.values().stream().map(Trials::new).toList();
    }

    /** The trials of scenarios sent while consumed. */
    public List<Trials<ThroughputResult>> sentWhileConsumed() {
        return throughput().stream().filter(t -> !t.first().scenario().drain()).toList();
    }

    /** The trials of the drain scenarios. */
    public List<Trials<ThroughputResult>> drains() {
        return throughput().stream().filter(t -> t.first().scenario().drain()).toList();
    }

    public Optional<Trials<ThroughputResult>> throughput(String scenarioId, String client) {
        return Optional.ofNullable(throughput.get(scenarioId + " " + client)).map(Trials::new);
    }

    /** The plain-calls scenario's trials, one per client, in the order run. */
    public List<Trials<PlainCallsResult>> plainCalls() {
        return plainCalls.values().stream().map(Trials::new).toList();
    }

    public Optional<Trials<PlainCallsResult>> plainCalls(String client) {
        return Optional.ofNullable(plainCalls.get(client)).map(Trials::new);
    }

    public List<LatencyResult> lone() {
        return lone;
    }

    public Optional<ScaleResult> scale() {
        return Optional.ofNullable(scale);
    }

    public Optional<LatencyResult> lone(String client) {
        return lone.stream().filter(r -> r.client().equals(client)).findFirst();
    }
}
