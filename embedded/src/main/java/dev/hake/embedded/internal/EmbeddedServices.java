package dev.hake.embedded.internal;

import dev.hake.embedded.internal.s3.S3Front;
import dev.hake.embedded.internal.sns.SnsFront;
import dev.hake.embedded.internal.sns.SnsSettings;
import dev.hake.embedded.internal.sqs.RememberedQueueAttributes;
import dev.hake.embedded.internal.sqs.SqsForwarder;
import dev.hake.embedded.internal.sqs.SqsJsonFront;
import dev.hake.embedded.internal.sqs.SqsQueryFront;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of an embedded endpoint, started in dependency order and closed in reverse:
 * ElasticMQ on an internal port, the SQS client and the threads the SNS fan-out uses, and the
 * front port that serves SNS, SQS and S3.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

    private final List<AutoCloseable> started;
    private final URI endpoint;

    private EmbeddedServices(List<AutoCloseable> started, URI endpoint) {
        this.started = started;
        this.endpoint = endpoint;
    }

    /** Starts everything, or nothing: a failure part-way closes what had started. */
    public static EmbeddedServices start(String host, int port, String region, String accountId) {
        long startNanos = System.nanoTime();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            // The front binds first so that ElasticMQ can be told the address its queue URLs name.
            FrontServer front = FrontServer.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            started.add(front);
            URI endpoint = httpUri(advertisedHost(host), front.port());

            ElasticMqServer elasticMq =
                    ElasticMqServer.start(endpoint.getHost(), front.port(), region, accountId);
            started.add(elasticMq);

            FanOutClient fanOutClient = FanOutClient.buildInBackground(elasticMq.endpoint(), region);
            started.add(fanOutClient);
            FanOutThreads fanOutThreads = new FanOutThreads();
            started.add(fanOutThreads);

            SnsFront sns = new SnsFront(new SnsSettings(region, accountId, endpoint), fanOutClient, fanOutThreads);
            SqsForwarder forwarder = new SqsForwarder(elasticMq.endpoint());
            SqsJsonFront sqsJson = new SqsJsonFront(forwarder, new RememberedQueueAttributes());
            front.start(new FrontHandler(sns, sqsJson, new SqsQueryFront(forwarder), new S3Front(region)));

            LOG.info("Embedded SNS+SQS+S3 endpoint started at {} in {} ms",
                    endpoint, (System.nanoTime() - startNanos) / 1_000_000);
            return new EmbeddedServices(started, endpoint);
        } catch (RuntimeException | UnknownHostException e) {
            closeAll(started);
            throw new IllegalStateException("Cannot start the embedded SNS+SQS endpoint on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        closeAll(started);
        started.clear();
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop {} cleanly", started.get(i).getClass().getSimpleName(), e);
            }
        }
    }

    /** A wildcard bind address cannot be dialled, so URLs handed to clients name loopback instead. */
    private static String advertisedHost(String host) throws UnknownHostException {
        return InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
    }

    private static URI httpUri(String host, int port) {
        try {
            return new URI("http", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a usable host name: " + host, e);
        }
    }
}
