package dev.hake.faults.proxy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the proxy did, per action and per outcome: {@code forwarded}, a {@link FaultKind} name, or
 * {@code backend-failure} (the backend did not answer; the client got a 502).
 */
public final class FaultCounts {

    public static final String FORWARDED = "forwarded";
    public static final String BACKEND_FAILURE = "backend-failure";

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(String action, String outcome) {
        counts.computeIfAbsent(action, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** A copy: action, then outcome, to count. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((action, outcomes) -> {
            Map<String, Long> inner = new TreeMap<>();
            outcomes.forEach((outcome, n) -> inner.put(outcome, n.sum()));
            copy.put(action, inner);
        });
        return copy;
    }

    /** How many requests got each fault, over all actions (forwarded requests not included). */
    public Map<String, Long> faultsByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        snapshot().values().forEach(outcomes -> outcomes.forEach((outcome, n) -> {
            if (!outcome.equals(FORWARDED) && !outcome.equals(BACKEND_FAILURE)) {
                byKind.merge(outcome, n, Long::sum);
            }
        }));
        return byKind;
    }

    /** How many requests were faulted in all. */
    public long faults() {
        return faultsByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many requests of one action got one outcome. */
    public long count(String action, String outcome) {
        Map<String, LongAdder> outcomes = counts.get(action);
        LongAdder n = outcomes == null ? null : outcomes.get(outcome);
        return n == null ? 0 : n.sum();
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
