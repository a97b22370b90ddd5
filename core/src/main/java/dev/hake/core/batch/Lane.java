package dev.hake.core.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What waits in a {@link BatchLine} for one key, and what of it is in flight. Guarded by the line's lock. */
final class Lane<E> {

    /** An entry in line: its order key (null: none), its size, and the future that hears its outcome. */
    record Waiting<E>(E entry, Object orderKey, long size, CompletableFuture<Void> done) {
    }

    private final Deque<Waiting<E>> waiting = new ArrayDeque<>();
    private long waitingBytes;
    /** Order keys with a request in flight, and how many requests carry each. */
    private final Map<Object, Integer> keysInFlight = new HashMap<>();
    int inFlight;
    /** The window ended, or the line was flushed: what waits goes without waiting to fill a batch. */
    boolean due;
    /** Counts the windows opened, so that the timer of a window whose entries already left does nothing. */
    long window;

    /** Puts an entry at the end of the line; true if nothing waited before it. */
    boolean join(Waiting<E> entry) {
        boolean first = waiting.isEmpty();
        waiting.add(entry);
        waitingBytes += entry.size();
        return first;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Whether what waits fills a batch (or more). */
    boolean isFull(BatchLimits<?> limits) {
        return waiting.size() >= limits.maxEntries() || waitingBytes >= limits.maxBytes();
    }

    /**
     * Takes the next batch off the line, in line order, within the limits; empty if every waiting
     * entry is held back. An entry whose order key is in flight stays in line, and so does every
     * later entry of that key, so that requests of one key never overtake each other; entries of
     * other keys, and those with none, pass them. A {@linkplain BatchLine#paced paced} key's entries
     * are held back only while what waits does not fill a batch.
     */
    List<Waiting<E>> take(BatchLimits<?> limits) {
        List<Waiting<E>> batch = new ArrayList<>();
        Set<Object> heldBack = new HashSet<>();
        boolean full = isFull(limits);
        long bytes = 0;
        for (Iterator<Waiting<E>> it = waiting.iterator(); it.hasNext() && batch.size() < limits.maxEntries(); ) {
            Waiting<E> next = it.next();
            Object key = next.orderKey();
            boolean mayPass = full && key instanceof BatchLine.Paced;
            if (key != null && !mayPass && (heldBack.contains(key) || keysInFlight.containsKey(key))) {
                heldBack.add(key);
                continue;
            }
            if (!batch.isEmpty() && bytes + next.size() > limits.maxBytes()) {
                break;
            }
            it.remove();
            batch.add(next);
            bytes += next.size();
        }
        if (!batch.isEmpty()) {
            waitingBytes -= bytes;
            orderKeys(batch).forEach(key -> keysInFlight.merge(key, 1, Integer::sum));
            inFlight++;
        }
        return batch;
    }

    /** A batch {@link #take} handed out was answered. */
    void landed(List<Waiting<E>> batch) {
        inFlight--;
        orderKeys(batch).forEach(key -> keysInFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
    }

    private static <E> List<Object> orderKeys(List<Waiting<E>> batch) {
        return batch.stream().map(Waiting::orderKey).filter(Objects::nonNull).distinct().toList();
    }
}
