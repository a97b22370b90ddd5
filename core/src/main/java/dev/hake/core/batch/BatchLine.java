package dev.hake.core.batch;

import dev.hake.core.HakeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * hake's one batching rule, for sends and acknowledgements alike. Entries wait in line per key (a
 * destination; a queue and what to do there) and leave in batches within {@link BatchLimits}, in
 * line order, one {@link BatchCall} a batch; each entry's future then hears its own outcome from the
 * answer. <em>When</em> a key's entries may leave is the {@link ReleaseRule}'s to say: sends as soon
 * as a request slot is free, acknowledgements when a batch is full, their window ends or someone
 * flushes them.
 *
 * <p>Entries with the same non-null order key (a JMS session's sends to a FIFO destination, a
 * transaction's) never travel in two requests at once: an entry waits while an earlier one of its
 * key is in flight, so requests cannot overtake each other, and since a batch's futures complete
 * before the next batch of its key leaves, completions come in order. A {@link #paced} key (a
 * session's sends to a standard destination) relaxes that for full batches only: while one of its
 * requests is in flight, its entries wait until they fill a batch, and then leave beside it. So a
 * burst goes out as one lone request and then full batches, several at once, and its completions
 * may come in any order.
 *
 * <p>Thread-safe. Requests are made outside the lock, on the thread that added, flushed or landed
 * the last request, or the timer's; a call must therefore never block.
 */
public final class BatchLine<K, E> {

    private record Batch<K, E>(K key, Lane<E> lane, List<Lane.Waiting<E>> entries) {
    }

    /** An order key whose entries may overtake its requests in flight, in full batches; see {@link #paced}. */
    record Paced(Object owner) {
    }

    /** {@code owner} as a paced order key (see the class comment). */
    public static Object paced(Object owner) {
        return new Paced(owner);
    }

    private final Function<? super K, BatchLimits<E>> limitsOf;
    private final ReleaseRule<K> rule;
    private final BatchCall<K, E> call;
    private final Map<K, Lane<E>> lanes = new LinkedHashMap<>();

    public BatchLine(BatchLimits<E> limits, ReleaseRule<K> rule, BatchCall<K, E> call) {
        this(key -> limits, rule, call);
    }

    /** A line whose batches are limited by key: SendMessageBatch takes 1 MiB, PublishBatch 256 KiB. */
    public BatchLine(Function<? super K, BatchLimits<E>> limitsOf, ReleaseRule<K> rule, BatchCall<K, E> call) {
        this.limitsOf = limitsOf;
        this.rule = rule;
        this.call = call;
    }

    /**
     * Puts an entry in line for {@code key}. The future completes when the entry was done, or fails
     * with why not (a {@link HakeException} the call answered, or the call's own failure).
     */
    public CompletableFuture<Void> add(K key, E entry, Object orderKey) {
        return addAll(List.of(entry), e -> key, orderKey).get(0);
    }

    /**
     * Puts entries in line together, each for the key {@code keyOf} gives it, before any of them may
     * leave: a rule that lets a lone entry go at once still batches them. Futures as for
     * {@link #add}, one per entry, in order.
     */
    public List<CompletableFuture<Void>> addAll(List<? extends E> entries, Function<? super E, ? extends K> keyOf,
                                                Object orderKey) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(entries.size());
        List<Batch<K, E>> ready = new ArrayList<>();
        synchronized (lanes) {
            Map<K, Lane<E>> joined = new LinkedHashMap<>();
            for (E entry : entries) {
                K key = keyOf.apply(entry);
                Lane<E> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
                CompletableFuture<Void> done = new CompletableFuture<>();
                long size = limitsOf.apply(key).size().applyAsLong(entry);
                if (lane.join(new Lane.Waiting<>(entry, orderKey, size, done))) {
                    openWindow(key, lane);
                }
                joined.put(key, lane);
                futures.add(done);
            }
            joined.forEach((key, lane) -> release(key, lane, ready));
        }
        ready.forEach(this::dispatch);
        return futures;
    }

    /** Someone waits for {@code key}'s entries: they are due now, whatever their window. */
    public void flush(K key) {
        List<Batch<K, E>> ready = new ArrayList<>();
        synchronized (lanes) {
            Lane<E> lane = lanes.get(key);
            if (lane != null) {
                lane.due = true;
                release(key, lane, ready);
            }
        }
        ready.forEach(this::dispatch);
    }

    /** {@link #flush} for every key, as at close. */
    public void flushAll() {
        List<Batch<K, E>> ready = new ArrayList<>();
        synchronized (lanes) {
            new LinkedHashMap<>(lanes).forEach((key, lane) -> {
                lane.due = true;
                release(key, lane, ready);
            });
        }
        ready.forEach(this::dispatch);
    }

    /** Holds the lock. */
    private void openWindow(K key, Lane<E> lane) {
        long window = ++lane.window;
        rule.windowOpens(() -> windowEnded(key, lane, window));
    }

    private void windowEnded(K key, Lane<E> lane, long window) {
        List<Batch<K, E>> ready = new ArrayList<>();
        synchronized (lanes) {
            if (lanes.get(key) != lane || lane.window != window) {
                return; // the entries it was opened for have left already
            }
            lane.due = true;
            release(key, lane, ready);
        }
        ready.forEach(this::dispatch);
    }

    /** Takes off {@code key}'s line every batch the rule lets go now, into {@code ready}. Holds the lock. */
    private void release(K key, Lane<E> lane, List<Batch<K, E>> ready) {
        BatchLimits<E> limits = limitsOf.apply(key);
        boolean released = false;
        while (!lane.isEmpty() && rule.mayRelease(key, lane.inFlight, lane.isFull(limits), lane.due)) {
            List<Lane.Waiting<E>> batch = lane.take(limits);
            if (batch.isEmpty()) {
                break; // all that waits is behind a request of its order key
            }
            ready.add(new Batch<>(key, lane, batch));
            released = true;
        }
        if (lane.isEmpty()) {
            lane.due = false;
            lane.window++; // the open window's timer, if any, finds nothing left to do
            if (lane.inFlight == 0) {
                lanes.remove(key, lane);
            }
        } else if (released && !lane.due) {
            openWindow(key, lane); // what stayed behind waits a window of its own
        }
    }

    private void dispatch(Batch<K, E> batch) {
        List<E> entries = batch.entries().stream().map(Lane.Waiting::entry).toList();
        CompletableFuture<List<HakeException>> answer;
        try {
            answer = call.send(batch.key(), entries);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((outcomes, failure) -> {
            try {
                settle(batch.entries(), outcomes, failure);
            } finally {
                landed(batch);
            }
        });
    }

    /**
     * Each entry's future hears its own outcome. They complete before the next batch of their order
     * key may leave, so completions come in the order of the entries.
     */
    private static <E> void settle(List<Lane.Waiting<E>> entries, List<HakeException> outcomes, Throwable failure) {
        Throwable whole = failure;
        if (whole == null && (outcomes == null || outcomes.size() != entries.size())) {
            whole = new IllegalStateException("a batch call answered " + (outcomes == null ? "nothing" : outcomes.size()
                    + " outcomes") + " for " + entries.size() + " entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            CompletableFuture<Void> done = entries.get(i).done();
            HakeException outcome = whole == null ? outcomes.get(i) : null;
            if (whole != null) {
                done.completeExceptionally(whole);
            } else if (outcome != null) {
                done.completeExceptionally(outcome);
            } else {
                done.complete(null);
            }
        }
    }

    private void landed(Batch<K, E> batch) {
        List<Batch<K, E>> ready = new ArrayList<>();
        synchronized (lanes) {
            batch.lane().landed(batch.entries());
            release(batch.key(), batch.lane(), ready);
        }
        ready.forEach(this::dispatch);
    }
}
