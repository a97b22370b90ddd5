package dev.hake.core.aws;

import dev.hake.core.AccessDeniedException;
import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Turns AWS SDK failures into core exceptions, in one place, keeping the cause. */
public final class AwsErrors {

    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "AuthorizationError", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidAccessKeyId",
            "MissingAuthenticationToken", "ExpiredToken", "KMSAccessDeniedException");

    private static final Set<String> NOT_FOUND_CODES = Set.of(
            "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "NotFound", "NotFoundException");

    private AwsErrors() {
    }

    /**
     * The core exception for a failed call. {@code what} says what was attempted, e.g.
     * "SQS SendMessage [queue=orders]"; the AWS error code and message are appended, never credentials.
     */
    public static HakeException translate(Throwable failure, String what) {
        Throwable t = unwrap(failure);
        if (t instanceof HakeException h) {
            return h;
        }
        if (isInterruption(t)) {
            return new HakeException(what + " failed: the sending thread is interrupted", t);
        }
        if (t instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
            String detail = what + " failed: " + (code == null ? "" : code + ": ")
                    + (message != null ? message : withoutDetails(aws));
            if (aws.statusCode() == 403 || (code != null && ACCESS_DENIED_CODES.contains(code))) {
                return new AccessDeniedException(detail, aws);
            }
            if (aws instanceof QueueDoesNotExistException || aws instanceof NotFoundException
                    || (code != null && NOT_FOUND_CODES.contains(code))) {
                return new DestinationNotFoundException(detail, aws);
            }
            return new HakeException(detail, aws);
        }
        if (t instanceof SdkClientException sdk && sdk.getMessage() != null
                && sdk.getMessage().contains("Unable to load credentials")) {
            return new AccessDeniedException(what + " failed: no AWS credentials could be found "
                    + "(set accessKeyId/secretAccessKey or configure the default credentials chain)", sdk);
        }
        // Some failures (a closed channel, a timeout) carry no message: name them by their type.
        return new HakeException(what + " failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()), t);
    }

    /**
     * The core exception for a failed request tracked by {@code attempts}: if some attempt may have
     * been applied (its answer was lost, or was a server error), the failure is an {@link
     * OutcomeUnknownException}, whatever the last attempt said; otherwise as {@link #translate(Throwable, String)}.
     */
    public static HakeException translate(Throwable failure, String what, RequestAttempts attempts) {
        HakeException last = translate(failure, what);
        if (isInterruption(failure) && attempts.attempts() > 0) {
            // The SDK gives up on an interrupted thread even after an answer came: it may have said "applied".
            return new OutcomeUnknownException(inDoubt(what, attempts)
                    + "; the sending thread was interrupted while it waited for the answer", last);
        }
        if (last instanceof OutcomeUnknownException || !attempts.mayHaveApplied(unwrap(failure))) {
            return last;
        }
        return new OutcomeUnknownException(inDoubt(what, attempts) + "; the last attempt: "
                + last.getMessage(), last);
    }

    /**
     * One entry of a batch request whose answer refused it ({@code detail}: its code and message)
     * after an earlier attempt of the request that AWS may have applied: the entry may be done.
     */
    public static OutcomeUnknownException entryInDoubt(String what, RequestAttempts attempts, String detail) {
        return new OutcomeUnknownException(inDoubt(what, attempts) + "; for this message: " + detail, null);
    }

    /** Whether the SDK refused or abandoned a request because the calling thread was interrupted. */
    public static boolean isInterruption(Throwable failure) {
        Throwable t = unwrap(failure);
        for (int depth = 0; depth < 10 && t != null; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** "what is in doubt: ..." for a request of which AWS may have applied an attempt. */
    static String inDoubt(String what, RequestAttempts attempts) {
        return what + " is in doubt: AWS may have applied it (an answer was lost or was a server error; "
                + attempts.attempts() + (attempts.attempts() == 1 ? " attempt)" : " attempts)");
    }

    /** True for failures that retrying later cannot mend: access refused, or no such queue or topic. */
    public static boolean isPermanent(HakeException failure) {
        return failure instanceof AccessDeniedException || failure instanceof DestinationNotFoundException;
    }

    /**
     * An answer that was not an AWS error document (a proxy's or load balancer's 502, say) has no
     * code or message: name it by its HTTP status, so that the log says more than "null".
     */
    private static String withoutDetails(AwsServiceException aws) {
        return "HTTP " + aws.statusCode() + " with no AWS error details";
    }

    /** True when SNS refused a subscription's filter policy (InvalidParameter naming FilterPolicy). */
    public static boolean isRefusedFilterPolicy(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof InvalidParameterException
                && t.getMessage() != null && t.getMessage().contains("FilterPolicy");
    }

    /** True when the failure says the queue or topic does not exist. */
    public static boolean isNotFound(Throwable failure) {
        return translate(failure, "") instanceof DestinationNotFoundException;
    }

    /** The failure inside the CompletionException or ExecutionException wrappers of a future. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0; i < 10 && (cur instanceof CompletionException || cur instanceof ExecutionException)
                && cur.getCause() != null; i++) {
            cur = cur.getCause();
        }
        return cur;
    }
}
