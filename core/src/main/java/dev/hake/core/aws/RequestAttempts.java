package dev.hake.core.aws;

import java.net.ConnectException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * What became of the attempts of one request. The SDK retries throttling, server errors and broken
 * connections by itself, so a request that finally fails may have been applied by an earlier
 * attempt whose answer was lost. Attach one to a request ({@link #attachTo}) and ask it afterwards
 * whether AWS may have applied the request: that is what separates "not done" from "in doubt".
 */
public final class RequestAttempts {

    static final ExecutionAttribute<RequestAttempts> ATTRIBUTE = new ExecutionAttribute<>("hake.RequestAttempts");

    private int transmitted;
    private int answered;
    private int serverErrors;

    /** Marks the request so that {@link AttemptInterceptor} records its attempts here. */
    public void attachTo(AwsRequestOverrideConfiguration.Builder override) {
        override.putExecutionAttribute(ATTRIBUTE, this);
    }

    synchronized void transmitted() {
        transmitted++;
    }

    synchronized void answered(int httpStatus) {
        answered++;
        if (httpStatus >= 500) {
            serverErrors++;
        }
    }

    /** Attempts that were sent on their way to AWS. */
    public synchronized int attempts() {
        return transmitted;
    }

    /**
     * True when AWS may have applied the request in some attempt: one whose answer never came (a
     * reset, a timeout) or was a server error. An attempt answered 4xx was refused and applied
     * nothing; an attempt that could not even connect ({@code finalFailure} a connect failure, for
     * the last attempt) never reached AWS.
     */
    public synchronized boolean mayHaveApplied(Throwable finalFailure) {
        int unanswered = transmitted - answered;
        if (unanswered > 0 && isConnectFailure(finalFailure)) {
            unanswered--;
        }
        return serverErrors > 0 || unanswered > 0;
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
