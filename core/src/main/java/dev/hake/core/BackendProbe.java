package dev.hake.core;

import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the backend of some settings whether it answers, with the cheapest request that needs valid
 * credentials: SQS ListQueues under the settings' prefix, for at most one queue. For health checks,
 * which ask again and again: a probe keeps its clients, and so the credentials the SDK resolved,
 * until it is closed.
 */
public final class BackendProbe implements AutoCloseable {

    private final ExecutorService completions;
    private final AwsClients aws;
    private final String prefix;

    private BackendProbe(ExecutorService completions, AwsClients aws, String prefix) {
        this.completions = completions;
        this.aws = aws;
        this.prefix = prefix;
    }

    /**
     * Builds the probe's clients; asks nothing yet.
     *
     * @throws HakeException if there are none to build (no region for AWS, say)
     */
    public static BackendProbe open(HakeSettings settings) {
        ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hake-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            return new BackendProbe(completions, AwsClients.create(settings, null, null, completions), settings.prefix());
        } catch (RuntimeException e) {
            completions.shutdown();
            throw e instanceof HakeException hake ? hake : new HakeException(e.getMessage(), e);
        }
    }

    /**
     * Returns when SQS answered, within {@code timeout}, the SDK's retries included.
     *
     * @throws HakeException with AWS's reason when it refused (bad credentials, no permission), or
     *                       why there was no answer; never with the credentials in it
     */
    public void check(Duration timeout) {
        try {
            aws.sqs().listQueues(r -> {
                r.maxResults(1);
                if (!prefix.isEmpty()) {
                    r.queueNamePrefix(prefix);
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw AwsErrors.translate(e.getCause(), "SQS ListQueues");
        } catch (TimeoutException e) {
            throw new HakeException("SQS did not answer ListQueues within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HakeException("interrupted while waiting for SQS to answer ListQueues", e);
        }
    }

    @Override
    public void close() {
        try {
            aws.close();
        } finally {
            completions.shutdown();
        }
    }
}
