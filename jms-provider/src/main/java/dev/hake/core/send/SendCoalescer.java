package dev.hake.core.send;

import dev.hake.core.HakeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns concurrent sends into batches without holding any send back. Per destination, a few
 * requests may be in flight; a send that finds them all busy waits in line, and when one returns,
 * everything in line (up to ten messages or 256 KiB) goes out as one SendMessageBatch or
 * PublishBatch. A lone send therefore leaves at once as a plain SendMessage or Publish, with the
 * latency it would have had anyway, while asynchronous sends and sends from many threads share
 * requests. FIFO destinations allow one request in flight, which keeps their order.
 */
public final class SendCoalescer {

    private final Sender sender;
    private final int maxInFlight;
    private final Map<String, Lane> lanes = new HashMap<>();

    private record Pending(PreparedSend send, CompletableFuture<Void> done) {
    }

    /** The line for one destination. */
    private static final class Lane {
        final Deque<Pending> waiting = new ArrayDeque<>();
        int inFlight;
    }

    public SendCoalescer(Sender sender, int maxInFlightPerDestination) {
        this.sender = sender;
        this.maxInFlight = maxInFlightPerDestination;
    }

    /** Sends one prepared message; the future completes when AWS has accepted it, or fails. */
    public CompletableFuture<Void> send(PreparedSend send) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Pending> batch;
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(send.target(), t -> new Lane());
            lane.waiting.add(new Pending(send, done));
            batch = nextBatch(lane, send.destination().isFifo() ? 1 : maxInFlight);
        }
        dispatch(send.target(), batch);
        return done;
    }

    /** Takes the next batch off the line if a request slot is free; null otherwise. Holds the lock. */
    private List<Pending> nextBatch(Lane lane, int limit) {
        if (lane.inFlight >= limit || lane.waiting.isEmpty()) {
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        while (!lane.waiting.isEmpty() && batch.size() < Sender.MAX_BATCH_ENTRIES) {
            long size = lane.waiting.peekFirst().send().sizeBytes();
            if (!batch.isEmpty() && bytes + size > Sender.MAX_BATCH_BYTES) {
                break;
            }
            batch.add(lane.waiting.pollFirst());
            bytes += size;
        }
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
                next = nextBatch(lane, batch.get(0).send().destination().isFifo() ? 1 : maxInFlight);
                if (next == null && lane.inFlight == 0 && lane.waiting.isEmpty()) {
                    lanes.remove(target);
                }
            }
            dispatch(target, next);
        });
    }
}
