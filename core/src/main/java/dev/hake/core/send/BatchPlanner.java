package dev.hake.core.send;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Splits items, in order, into batches within a count and a total-size limit. */
final class BatchPlanner {

    private BatchPlanner() {
    }

    static <T> List<List<T>> plan(List<T> items, ToLongFunction<T> size, int maxEntries, long maxBytes) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long s = size.applyAsLong(item);
            if (!current.isEmpty() && (current.size() == maxEntries || bytes + s > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += s;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
