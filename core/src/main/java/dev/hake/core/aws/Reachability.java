package dev.hake.core.aws;

import dev.hake.core.HakeException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Whether AWS answers one client: every request's final outcome (after the SDK's retries) comes
 * here. An outage starts when requests have failed for {@link #OUTAGE_AFTER_MILLIS} with nothing
 * answered in between, and at least {@link #OUTAGE_AFTER_FAILURES} of them: a broken connection, a
 * timeout, a server error or throttling. Then the listener hears it, once; the client keeps
 * retrying meanwhile, and the first answer ends the outage (logged). A refusal (4xx) is an answer:
 * AWS is reachable, even if it said no.
 */
public final class Reachability {

    /** Told when an outage starts; called on a thread of its own, so it may block. */
    @FunctionalInterface
    public interface Listener {
        void unreachable(HakeException lastFailure, long sinceMillis);
    }

    static final long OUTAGE_AFTER_MILLIS = 10_000;
    static final int OUTAGE_AFTER_FAILURES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Reachability.class);

    private final LongSupplier nanoClock;
    private volatile Listener listener;
    private long firstFailureNanos;
    private int failures;
    private boolean outage;

    Reachability(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** A request was answered (success, or a refusal). */
    void answered() {
        long outageMillis;
        synchronized (this) {
            if (failures == 0) {
                return;
            }
            outageMillis = outage ? TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - firstFailureNanos) : -1;
            failures = 0;
            outage = false;
        }
        if (outageMillis >= 0) {
            LOG.info("AWS answers again after {} s without an answer", outageMillis / 1000);
        }
    }

    /** A request failed for good: {@code failure} as the SDK reported it. */
    void failed(Throwable failure, String what) {
        if (!isUnanswered(failure)) {
            answered();
            return;
        }
        long sinceMillis;
        int failed;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (failures++ == 0) {
                firstFailureNanos = now;
            }
            sinceMillis = TimeUnit.NANOSECONDS.toMillis(now - firstFailureNanos);
            if (outage || failures < OUTAGE_AFTER_FAILURES || sinceMillis < OUTAGE_AFTER_MILLIS) {
                return;
            }
            outage = true;
            failed = failures;
        }
        HakeException last = AwsErrors.translate(failure, what);
        LOG.warn("AWS has not answered for {} s ({} requests failed); retrying with backoff. Last: {}",
                sinceMillis / 1000, failed, last.getMessage());
        Listener l = listener;
        if (l != null) {
            Thread notifier = new Thread(() -> l.unreachable(last, sinceMillis), "hake-unreachable");
            notifier.setDaemon(true);
            notifier.start();
        }
    }

    /** No answer at all, a server error, or throttling: what an outage is made of. */
    private static boolean isUnanswered(Throwable failure) {
        Throwable t = AwsErrors.unwrap(failure);
        if (t instanceof AwsServiceException aws) {
            return aws.statusCode() >= 500 || aws.isThrottlingException();
        }
        if (t instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        return true;
    }
}
