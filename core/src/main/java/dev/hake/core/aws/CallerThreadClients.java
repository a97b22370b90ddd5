package dev.hake.core.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Blocking SQS and SNS clients, for a request whose caller waits for it anyway (a synchronous JMS
 * send that leaves alone). Made on the caller's thread with a blocking HTTP client, a request costs
 * about half the CPU of the asynchronous client's (no event loop, no hand-off of the answer to
 * another thread and back) and answers sooner: measured in docs/performance.md, "Synchronous sends".
 *
 * <p>They are set up as the connection's asynchronous clients are (region, credentials, endpoint,
 * retries, attempt recording, request observers), so an answer means the same on either path, and
 * an outcome the SDK cannot know is "in doubt" on both. Built on first use: a connection that only
 * consumes never opens their connection pool.
 */
public final class CallerThreadClients implements AutoCloseable {

    /**
     * As many connections as the asynchronous client may open. Few are used: a send takes this path
     * only while its destination has a request slot free (four), so that is four per destination.
     */
    private static final int MAX_CONNECTIONS = 1_000;
    /** A caller waits this long for a connection when all are busy, as on the asynchronous client. */
    private static final Duration CONNECTION_ACQUISITION_TIMEOUT = Duration.ofSeconds(60);

    private final SdkHttpClient http;
    private final SqsClient sqs;
    private final SnsClient sns;

    /** Clients on {@code http}, which they close with themselves; see {@link AwsClients#callerThread()}. */
    CallerThreadClients(SdkHttpClient http, SqsClient sqs, SnsClient sns) {
        this.http = http;
        this.sqs = sqs;
        this.sns = sns;
    }

    /** The blocking HTTP client the caller-thread clients share. */
    static SdkHttpClient httpClient() {
        return Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS)
                .connectionAcquisitionTimeout(CONNECTION_ACQUISITION_TIMEOUT).build();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
        http.close();
    }
}
