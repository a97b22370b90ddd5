package dev.hake.core.receive;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands back to the queue (makes visible again) what one consumer took but will not deliver: what
 * is buffered or skipped at stop and close, and what a poll brings after either.
 */
final class UndeliveredRelease {

    private static final Logger LOG = LoggerFactory.getLogger(UndeliveredRelease.class);
    private static final long WAIT_SECONDS = 5;

    private final Acknowledger acknowledger;
    private final String queueUrl;

    UndeliveredRelease(Acknowledger acknowledger, String queueUrl) {
        this.acknowledger = acknowledger;
        this.queueUrl = queueUrl;
    }

    /** Releases messages never handed to the application. */
    CompletableFuture<Void> release(List<ReceivedMessage> messages) {
        return acknowledger.releaseAll(messages, false);
    }

    /** Releases messages one by one, as delivered ({@code delivered}) or not. */
    CompletableFuture<Void> releaseEach(List<ReceivedMessage> messages, boolean delivered) {
        return CompletableFuture.allOf(messages.stream().map(m -> acknowledger.release(m, delivered))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Releases and waits (a bounded time) until SQS has made the messages visible: whoever polls
     * next, here or elsewhere, then finds them (an emulator's long poll may not wake for them).
     */
    void releaseAndWait(List<ReceivedMessage> messages) {
        if (!messages.isEmpty()) {
            awaitBounded(release(messages), "release not confirmed in time");
        }
    }

    /**
     * Waits (a bounded time) for a short poll still in flight to land and release what it brought:
     * it takes a round trip, and whoever polls next, here or elsewhere, then finds those messages.
     */
    void awaitShortPoll(CompletableFuture<Void> shortPoll) {
        if (shortPoll != null) {
            awaitBounded(shortPoll, "a short poll in flight at stop did not land in time");
        }
    }

    private void awaitBounded(CompletableFuture<?> step, String whenLate) {
        if (step.isDone()) {
            return;
        }
        try {
            step.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{} [queue={}]: {}", whenLate, queueUrl, e.toString());
        }
    }
}
