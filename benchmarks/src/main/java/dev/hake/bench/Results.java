package dev.hake.bench;

import dev.hake.bench.run.LatencyResult;
import dev.hake.bench.run.ScaleResult;
import dev.hake.bench.run.ThroughputResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one benchmark run measured, and what it ran on. */
public final class Results {

    private final Map<String, String> context = new LinkedHashMap<>();
    private final Map<String, String> clients = new LinkedHashMap<>();
    private final List<ThroughputResult> throughput = new ArrayList<>();
    private final List<LatencyResult> lone = new ArrayList<>();
    private ScaleResult scale;
    private long requestDelayMillis;

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

    public void client(String name, String description) {
        clients.put(name, description);
    }

    public void add(ThroughputResult r) {
        throughput.add(r);
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

    /** Every throughput and drain result, in the order run. */
    public List<ThroughputResult> throughput() {
        return throughput;
    }

    /** The results of scenarios sent while consumed. */
    public List<ThroughputResult> sentWhileConsumed() {
        return throughput.stream().filter(r -> !r.scenario().drain()).toList();
    }

    /** The results of the drain scenarios. */
    public List<ThroughputResult> drains() {
        return throughput.stream().filter(r -> r.scenario().drain()).toList();
    }

    public List<LatencyResult> lone() {
        return lone;
    }

    public Optional<ScaleResult> scale() {
        return Optional.ofNullable(scale);
    }

    public Optional<ThroughputResult> throughput(String scenarioId, String client) {
        return throughput.stream().filter(r -> r.scenario().id().equals(scenarioId) && r.client().equals(client))
                .findFirst();
    }

    public Optional<LatencyResult> lone(String client) {
        return lone.stream().filter(r -> r.client().equals(client)).findFirst();
    }
}
