package dev.hake.core.send;

import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.large.LargeMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts large bodies in S3 just before the messages that point to them are sent: all of a batch's
 * at once, so that the batch waits for its slowest upload rather than for their sum. A message
 * whose upload failed is not sent (the others of its batch are); a message that was surely not
 * sent has its object deleted again, while one that may have been sent keeps it, since a consumer
 * may yet read it.
 */
final class UploadingTransmitter implements Transmitter {

    private static final Logger LOG = LoggerFactory.getLogger(UploadingTransmitter.class);

    private final Transmitter next;
    private final LargeMessages large;

    UploadingTransmitter(Transmitter next, LargeMessages large) {
        this.next = next;
        this.large = large;
    }

    /** A large message's body is stored first, asynchronously; anything else is sent on the calling thread. */
    @Override
    public CompletableFuture<Void> sendOneHere(PreparedSend send) {
        return send.upload() == null ? next.sendOneHere(send) : sendOne(send);
    }

    @Override
    public CompletableFuture<Void> sendOne(PreparedSend send) {
        if (send.upload() == null) {
            return next.sendOne(send);
        }
        return upload(send).thenCompose(uploaded -> {
            if (uploaded != null) {
                throw uploaded;
            }
            return next.sendOne(send).whenComplete((ok, failure) -> {
                if (failure != null) {
                    removeUnsent(send, AwsErrors.translate(failure, "send"));
                }
            });
        });
    }

    @Override
    public CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch) {
        if (batch.stream().allMatch(send -> send.upload() == null)) {
            return next.sendBatch(batch);
        }
        List<CompletableFuture<HakeException>> uploads = batch.stream().map(this::upload).toList();
        return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).thenCompose(all -> {
            HakeException[] outcome = new HakeException[batch.size()];
            List<Integer> uploadedAt = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                outcome[i] = uploads.get(i).join();
                if (outcome[i] == null) {
                    uploadedAt.add(i);
                }
            }
            if (uploadedAt.isEmpty()) {
                return CompletableFuture.completedFuture(Arrays.asList(outcome));
            }
            List<PreparedSend> sendable = uploadedAt.stream().map(batch::get).toList();
            return next.sendBatch(sendable).thenApply(sent -> {
                for (int j = 0; j < sendable.size(); j++) {
                    outcome[uploadedAt.get(j)] = sent.get(j);
                    if (sent.get(j) != null) {
                        removeUnsent(sendable.get(j), sent.get(j));
                    }
                }
                return Arrays.asList(outcome);
            });
        });
    }

    /**
     * Stores the bodies of all {@code sends} at once, before any is sent (a transaction's: if one
     * cannot be stored, none is sent, and those stored are deleted again).
     *
     * @return the sends, marked as stored; fails with why if any could not be
     */
    CompletableFuture<List<PreparedSend>> storeAll(List<PreparedSend> sends) {
        if (sends.stream().allMatch(send -> send.upload() == null)) {
            return CompletableFuture.completedFuture(sends);
        }
        List<CompletableFuture<HakeException>> uploads = sends.stream().map(this::upload).toList();
        return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).thenApply(all -> {
            HakeException failed = uploads.stream().map(CompletableFuture::join).filter(f -> f != null)
                    .findFirst().orElse(null);
            if (failed == null) {
                return sends.stream().map(PreparedSend::bodyStored).toList();
            }
            for (int i = 0; i < sends.size(); i++) {
                if (sends.get(i).upload() != null && uploads.get(i).join() == null) {
                    removeUnsent(sends.get(i), failed);
                }
            }
            throw new HakeException("none of the " + sends.size() + " messages was sent: " + failed.getMessage(),
                    failed);
        });
    }

    /** Null once the body is in S3 (or there is none); else why the message cannot be sent. Never fails. */
    private CompletableFuture<HakeException> upload(PreparedSend send) {
        if (send.upload() == null || send.upload().stored()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> put;
        try {
            put = large.store().put(send.upload().where(), send.upload().body());
        } catch (HakeException e) {
            put = CompletableFuture.failedFuture(e);
        }
        return put.handle((ok, failure) -> {
            if (failure == null) {
                return null;
            }
            HakeException why = AwsErrors.translate(failure, "S3 PutObject [" + send.upload().where() + "]");
            return new HakeException("the body of a large message could not be stored in S3, so the message was"
                    + " not sent: " + why.getMessage(), why);
        });
    }

    /** After a send that failed: the object goes unless the message may have been sent after all. */
    private void removeUnsent(PreparedSend send, HakeException why) {
        if (why instanceof OutcomeUnknownException) {
            return;
        }
        large.store().delete(send.upload().where()).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("the S3 object of a large message that was not sent could not be deleted; an S3 lifecycle"
                        + " rule will have to [object={}]: {}", send.upload().where(), failure.getMessage());
            }
        });
    }
}
