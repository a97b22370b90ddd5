package dev.hake.core.send;

import dev.hake.core.HakeException;
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

/**
 * Turns concurrent sends into batches without holding any send back. Per destination, a few
 * requests may be in flight; a send that finds them all busy waits in line, and when one returns,
 * everything in line (up to ten messages or 256 KiB) goes out as one SendMessageBatch or
 * PublishBatch. A lone send therefore leaves at once as a plain SendMessage or Publish, with the
 * latency it would have had anyway, while asynchronous sends and sends from many threads share
 * requests.
 *
 * <p>Sends with the same order key (a JMS session: JMS orders what one session sends to one
 * destination) never travel in two requests at once: a send waits while an earlier one of its key
 * is in flight, so requests cannot overtake each other and completions come in order. Sends of
 * other keys pass it. FIFO destinations allow one request in flight in all.
 */
public final class SendCoalescer {

    private final Transmitter sender;
    private final int maxInFlight;
    private final Map<String, Lane> lanes = new HashMap<>();

    private record Pending(PreparedSend send, Object orderKey, CompletableFuture<Void> done) {
    }

    /** The line for one destination. */
    private static final class Lane {
        final Deque<Pending> waiting = new ArrayDeque<>();
        /** Order keys with a request in flight, and how many requests carry each. */
        final Map<Object, Integer> keysInFlight = new HashMap<>();
        int inFlight;
    }

    public SendCoalescer(Sender sender, int maxInFlightPerDestination) {
        this((Transmitter) sender, maxInFlightPerDestination);
    }

    SendCoalescer(Transmitter sender, int maxInFlightPerDestination) {
        this.sender = sender;
        this.maxInFlight = maxInFlightPerDestination;
    }

    /** Sends one prepared message with no order constraint; see {@link #send(PreparedSend, Object)}. */
    public CompletableFuture<Void> send(PreparedSend send) {
        return send(send, null);
    }

    /**
     * Sends one prepared message; the future completes when AWS has accepted it, or fails. Sends
     * with the same non-null {@code orderKey} go out in the order of these calls.
     */
    public CompletableFuture<Void> send(PreparedSend send, Object orderKey) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Pending> batch;
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(send.target(), t -> new Lane());
            lane.waiting.add(new Pending(send, orderKey, done));
            batch = nextBatch(lane, send.destination().isFifo() ? 1 : maxInFlight);
        }
        dispatch(send.target(), batch);
        return done;
    }

    /**
     * Takes the next batch off the line if a request slot is free; null otherwise. A send whose
     * order key is in flight stays in line, and so does every later send of that key. Holds the lock.
     */
    private List<Pending> nextBatch(Lane lane, int limit) {
        if (lane.inFlight >= limit || lane.waiting.isEmpty()) {
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        Set<Object> heldBack = new HashSet<>();
        long bytes = 0;
        for (Iterator<Pending> it = lane.waiting.iterator(); it.hasNext()
                && batch.size() < Sender.MAX_BATCH_ENTRIES; ) {
            Pending next = it.next();
            Object key = next.orderKey();
            if (key != null && (heldBack.contains(key) || lane.keysInFlight.containsKey(key))) {
                heldBack.add(key);
                continue;
            }
            long size = next.send().sizeBytes();
            if (!batch.isEmpty() && bytes + size > Sender.MAX_BATCH_BYTES) {
                break;
            }
            it.remove();
            batch.add(next);
            bytes += size;
        }
        if (batch.isEmpty()) {
            return null;
        }
        batch.stream().map(Pending::orderKey).filter(Objects::nonNull).distinct()
                .forEach(key -> lane.keysInFlight.merge(key, 1, Integer::sum));
        lane.inFlight++;
        return batch;
    }

    private void dispatch(String target, List<Pending> batch) {
        if (batch == null) {
            return;
        }
        CompletableFuture<List<HakeException>> call;
        try {
            if (batch.size() == 1) {
                call = sender.sendOne(batch.get(0).send()).handle((ok, failure) -> {
                    List<HakeException> one = new ArrayList<>(1);
                    one.add(failure == null ? null : dev.hake.core.aws.AwsErrors.translate(failure, "send"));
                    return one;
                });
            } else {
                call = sender.sendBatch(batch.stream().map(Pending::send).toList());
            }
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((results, error) -> {
            for (int i = 0; i < batch.size(); i++) {
                HakeException failure = error != null ? dev.hake.core.aws.AwsErrors.translate(error, "send")
                        : results.get(i);
                if (failure == null) {
                    batch.get(i).done().complete(null);
                } else {
                    batch.get(i).done().completeExceptionally(failure);
                }
            }
            List<Pending> next;
            synchronized (lanes) {
                Lane lane = lanes.get(target);
                lane.inFlight--;
                batch.stream().map(Pending::orderKey).filter(Objects::nonNull).distinct()
                        .forEach(key -> lane.keysInFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
                next = nextBatch(lane, batch.get(0).send().destination().isFifo() ? 1 : maxInFlight);
                if (next == null && lane.inFlight == 0 && lane.waiting.isEmpty()) {
                    lanes.remove(target);
                }
            }
            dispatch(target, next);
        });
    }
}
