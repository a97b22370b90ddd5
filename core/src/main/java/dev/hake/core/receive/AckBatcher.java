package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.aws.RequestAttempts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Groups deletes and visibility changes per queue into DeleteMessageBatch and
 * ChangeMessageVisibilityBatch requests: a group goes out when it holds ten, when its window
 * ends, or at once when someone waits for it ({@link #flush}). A long window costs nothing but
 * delay on acknowledgements nobody waits for (the messages stay hidden meanwhile), and fills
 * batches even when messages trickle in.
 *
 * <p>Each entry's future completes normally when the request did what it asked, fails with an
 * {@link dev.hake.core.OutcomeUnknownException} when AWS may or may not have done it, and with a
 * plain {@link HakeException} when it was not done ({@link AckAnswers} tells which).
 */
final class AckBatcher {

    /** What a batch does: delete (visibility < 0) or set this visibility timeout. */
    record Key(String queueUrl, int visibilitySeconds) {
        boolean isDelete() {
            return visibilitySeconds < 0;
        }
    }

    private record Entry(HeldMessages.Held receipt, CompletableFuture<Void> done) {
    }

    private static final int MAX_ENTRIES = 10;

    private final SqsAsyncClient sqs;
    private final ScheduledExecutorService scheduler;
    private final long windowMillis;
    private final LongSupplier nanoClock;
    private final Map<Key, List<Entry>> open = new HashMap<>();

    AckBatcher(SqsAsyncClient sqs, ScheduledExecutorService scheduler, long windowMillis, LongSupplier nanoClock) {
        this.sqs = sqs;
        this.scheduler = scheduler;
        this.windowMillis = windowMillis;
        this.nanoClock = nanoClock;
    }

    CompletableFuture<Void> add(Key key, HeldMessages.Held receipt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Entry> full = null;
        synchronized (open) {
            List<Entry> group = open.computeIfAbsent(key, k -> new ArrayList<>());
            group.add(new Entry(receipt, done));
            if (group.size() >= MAX_ENTRIES) {
                full = open.remove(key);
            } else if (group.size() == 1) {
                scheduler.schedule(() -> flushIfStill(key, group), windowMillis, TimeUnit.MILLISECONDS);
            }
        }
        if (full != null) {
            send(key, full);
        }
        return done;
    }

    /** Sends this key's open group now. */
    void flush(Key key) {
        List<Entry> group;
        synchronized (open) {
            group = open.remove(key);
        }
        if (group != null) {
            send(key, group);
        }
    }

    /** Sends every open group now. */
    void flushAll() {
        Map<Key, List<Entry>> all;
        synchronized (open) {
            all = new HashMap<>(open);
            open.clear();
        }
        all.forEach(this::send);
    }

    private void flushIfStill(Key key, List<Entry> group) {
        synchronized (open) {
            if (open.get(key) != group) {
                return;
            }
            open.remove(key);
        }
        send(key, group);
    }

    private void send(Key key, List<Entry> group) {
        String what = (key.isDelete() ? "SQS DeleteMessageBatch" : "SQS ChangeMessageVisibilityBatch")
                + " [queue=" + key.queueUrl() + "]";
        RequestAttempts attempts = new RequestAttempts();
        long sentAtNanos = nanoClock.getAsLong();
        CompletableFuture<List<BatchResultErrorEntry>> call;
        try {
            if (key.isDelete()) {
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(group.get(i).receipt().receiptHandle()).build());
                }
                call = sqs.deleteMessageBatch(r -> r.queueUrl(key.queueUrl()).entries(entries)
                                .overrideConfiguration(attempts::attachTo))
                        .thenApply(response -> response.failed());
            } else {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(group.get(i).receipt().receiptHandle())
                            .visibilityTimeout(key.visibilitySeconds()).build());
                }
                call = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(key.queueUrl()).entries(entries)
                                .overrideConfiguration(attempts::attachTo))
                        .thenApply(response -> response.failed());
            }
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((failed, error) -> {
            AckAnswers answers = new AckAnswers(what, key.isDelete(), attempts, error);
            Map<String, BatchResultErrorEntry> failures = new HashMap<>();
            if (failed != null) {
                failed.forEach(f -> failures.put(f.id(), f));
            }
            for (int i = 0; i < group.size(); i++) {
                Entry entry = group.get(i);
                // Sent while the handle was still ours: nobody else can have received the message since.
                boolean sentInTime = entry.receipt().visibleAgainAtNanos() - sentAtNanos > 0;
                HakeException outcome = error != null ? answers.requestFailed()
                        : answers.entryFailed(failures.get(Integer.toString(i)), sentInTime);
                if (outcome == null) {
                    entry.done().complete(null);
                } else {
                    entry.done().completeExceptionally(outcome);
                }
            }
        });
    }
}
