package dev.hake.bench.proxy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Requests counted by action name (SendMessageBatch, Publish, ...): an immutable snapshot. */
public final class RequestCounts {

    private final Map<String, Long> byAction;

    public RequestCounts(Map<String, Long> byAction) {
        this.byAction = Collections.unmodifiableMap(new TreeMap<>(byAction));
    }

    public static RequestCounts none() {
        return new RequestCounts(Map.of());
    }

    public Map<String, Long> byAction() {
        return byAction;
    }

    public long of(String action) {
        return byAction.getOrDefault(action, 0L);
    }

    public long total() {
        return byAction.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What was counted between {@code earlier} and this snapshot. */
    public RequestCounts minus(RequestCounts earlier) {
        Map<String, Long> diff = new TreeMap<>();
        byAction.forEach((action, n) -> {
            long d = n - earlier.of(action);
            if (d != 0) {
                diff.put(action, d);
            }
        });
        return new RequestCounts(diff);
    }

    /** Each action's count divided by {@code units} (messages, calls). */
    public Map<String, Double> per(double units) {
        Map<String, Double> per = new TreeMap<>();
        byAction.forEach((action, n) -> per.put(action, n / units));
        return per;
    }

    /** The sum of the actions whose names start with one of {@code prefixes}. */
    public long startingWith(String... prefixes) {
        long sum = 0;
        for (Map.Entry<String, Long> e : byAction.entrySet()) {
            for (String p : prefixes) {
                if (e.getKey().startsWith(p)) {
                    sum += e.getValue();
                    break;
                }
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return byAction.toString();
    }
}
