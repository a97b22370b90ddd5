package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.aws.RequestAttempts;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;

/**
 * What the answer to one DeleteMessageBatch or ChangeMessageVisibilityBatch means for each of its
 * entries: done (null), not done (a {@link HakeException}), or in doubt (an {@link
 * OutcomeUnknownException}). The SDK retries a request whose answer was lost with the same
 * receipt handles, which is safe, so the answer to that retry must be read in its light: what AWS
 * and each emulator answer for a second delete of the same handle is in docs/backends.md.
 */
final class AckAnswers {

    static final String RECEIPT_HANDLE_IS_INVALID = "ReceiptHandleIsInvalid";

    private final String what;
    private final boolean delete;
    private final RequestAttempts attempts;
    private final Throwable requestFailure;

    AckAnswers(String what, boolean delete, RequestAttempts attempts, Throwable requestFailure) {
        this.what = what;
        this.delete = delete;
        this.attempts = attempts;
        this.requestFailure = requestFailure;
    }

    /** Every entry's outcome when the whole request failed. */
    HakeException requestFailed() {
        if (delete && AwsErrors.isNotFound(requestFailure)) {
            // The queue is gone, and its messages with it: nothing will deliver them again.
            return null;
        }
        return AwsErrors.translate(requestFailure, what, attempts);
    }

    /**
     * One entry's outcome in an answer that came back; {@code failure} null if it succeeded.
     * {@code sentInTime}: the request left while the entry's receipt handle was still the newest,
     * so nobody else can have received the message since.
     */
    HakeException entryFailed(BatchResultErrorEntry failure, boolean sentInTime) {
        if (failure == null) {
            return null;
        }
        String detail = failure.code() + ": " + failure.message();
        if (delete && RECEIPT_HANDLE_IS_INVALID.equals(failure.code())) {
            if (sentInTime) {
                // AWS and moto answer a second delete of a deleted message with success; ElasticMQ
                // calls the handle invalid once the message is gone. A handle SQS gave this consumer
                // for this queue is never malformed, and while it was still the newest nobody else
                // could take the message: so the message is gone, which is what was asked.
                return null;
            }
            if (!attempts.mayHaveApplied(null)) {
                return new HakeException(what + " did not delete a message: its visibility timeout had run out before"
                        + " the delete, and SQS may hand it out again (" + detail + ")");
            }
        }
        if (attempts.mayHaveApplied(null)) {
            // An earlier attempt of this request may have done this entry before its answer was lost.
            return AwsErrors.entryInDoubt(what, attempts, detail);
        }
        return new HakeException(what + " failed for a message: " + detail);
    }
}
