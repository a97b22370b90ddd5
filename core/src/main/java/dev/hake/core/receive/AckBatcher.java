package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.aws.RequestAttempts;
import dev.hake.core.batch.BatchLimits;
import dev.hake.core.batch.BatchLine;
import dev.hake.core.batch.ReleaseRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Groups deletes and visibility changes per queue into DeleteMessageBatch and
 * ChangeMessageVisibilityBatch requests, on the {@link BatchLine} sends use, with the release rule
 * of acknowledgements: a group goes out when it holds ten, when its window ends, or at once when
 * someone waits for it ({@link #flush}). A long window costs nothing but delay on acknowledgements
 * nobody waits for (the messages stay hidden meanwhile), and fills batches even when messages
 * trickle in.
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

    private static final int MAX_ENTRIES = 10;

    private final SqsAsyncClient sqs;
    private final LongSupplier nanoClock;
    private final BatchLine<Key, HeldMessages.Held> line;

    AckBatcher(SqsAsyncClient sqs, ScheduledExecutorService scheduler, long windowMillis, LongSupplier nanoClock) {
        this.sqs = sqs;
        this.nanoClock = nanoClock;
        this.line = new BatchLine<>(BatchLimits.entries(MAX_ENTRIES), ReleaseRule.whenFullOrDue(windowMillis, scheduler),
                this::send);
    }

    CompletableFuture<Void> add(Key key, HeldMessages.Held receipt) {
        return line.add(key, receipt, null);
    }

    /** Sends this key's waiting group now. */
    void flush(Key key) {
        line.flush(key);
    }

    /** Sends every waiting group now. */
    void flushAll() {
        line.flushAll();
    }

    /** One request for a group; every entry's outcome, in order (see {@link AckAnswers}). */
    private CompletableFuture<List<HakeException>> send(Key key, List<HeldMessages.Held> group) {
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
                            .receiptHandle(group.get(i).receiptHandle()).build());
                }
                call = sqs.deleteMessageBatch(r -> r.queueUrl(key.queueUrl()).entries(entries)
                                .overrideConfiguration(attempts::attachTo))
                        .thenApply(response -> response.failed());
            } else {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(group.get(i).receiptHandle())
                            .visibilityTimeout(key.visibilitySeconds()).build());
                }
                call = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(key.queueUrl()).entries(entries)
                                .overrideConfiguration(attempts::attachTo))
                        .thenApply(response -> response.failed());
            }
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((failed, error) -> {
            AckAnswers answers = new AckAnswers(what, key.isDelete(), attempts, error);
            Map<String, BatchResultErrorEntry> failures = new HashMap<>();
            if (failed != null) {
                failed.forEach(f -> failures.put(f.id(), f));
            }
            List<HakeException> outcomes = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                // Sent while the handle was still ours: nobody else can have received the message since.
                boolean sentInTime = group.get(i).visibleAgainAtNanos() - sentAtNanos > 0;
                outcomes.add(error != null ? answers.requestFailed()
                        : answers.entryFailed(failures.get(Integer.toString(i)), sentInTime));
            }
            return outcomes;
        });
    }
}
