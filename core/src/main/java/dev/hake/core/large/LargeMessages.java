package dev.hake.core.large;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.receive.OncePerKey;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.PayloadPointer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection does about messages too large for SQS or SNS: which bodies go to S3 when
 * sent, and the S3 store that keeps them, opened when first needed. Receiving, any message that
 * arrives as a pointer is read through the store, whether or not this connection has a bucket of
 * its own: the pointer names the bucket.
 */
public final class LargeMessages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LargeMessages.class);
    static final String S3_CLIENT_CLASS = "software.amazon.awssdk.services.s3.S3AsyncClient";
    static final String S3_ARTIFACT = "software.amazon.awssdk:s3";
    /** Messages already reported as unfetchable: each is logged once, not at every redelivery. */
    private static final OncePerKey REPORTED = new OncePerKey(10_000);

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final HakeSettings settings;
    private final Supplier<PayloadStore> opener;
    private PayloadStore store;
    private boolean closed;
    /** Deletes not yet answered: close() waits for them, or closing the client would cut them off. */
    private final Set<CompletableFuture<?>> deleting = ConcurrentHashMap.newKeySet();

    LargeMessages(HakeSettings settings, Supplier<PayloadStore> opener) {
        this.settings = settings;
        this.opener = opener;
    }

    /**
     * Large messages for a connection on {@code aws}. With a {@link HakeSettings#largeMessageBucket()
     * bucket} the S3 client is made now, so that a missing S3 SDK is said when the connection opens
     * rather than at the first large send.
     *
     * @throws HakeException if a bucket is set and {@value #S3_ARTIFACT} is not on the classpath
     */
    public static LargeMessages of(HakeSettings settings, AwsClients aws) {
        LargeMessages large = new LargeMessages(settings, () -> openS3(aws));
        if (settings.largeMessageBucket().isPresent()) {
            large.store();
        }
        return large;
    }

    /** {@code store} in place of S3, for tests. */
    public static LargeMessages of(HakeSettings settings, PayloadStore store) {
        return new LargeMessages(settings, () -> store);
    }

    private static PayloadStore openS3(AwsClients aws) {
        try {
            Class.forName(S3_CLIENT_CLASS, false, LargeMessages.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HakeException("large messages need the AWS SDK's S3 module, which is not on the classpath:"
                    + " add the dependency " + S3_ARTIFACT + " (the version of your software.amazon.awssdk:sqs)", e);
        }
        return new S3PayloadStore(aws);
    }

    /** The most bytes (body plus attributes) a message to {@code to} may have: 1 MiB to a queue, 256 KiB to a topic. */
    public static long limitOf(WireDestination to) {
        return to.isTopic() ? HakeSettings.SNS_MAX_MESSAGE_BYTES : HakeSettings.SQS_MAX_MESSAGE_BYTES;
    }

    /** Whether {@code encoded}, bound for {@code to}, travels with its body in S3. */
    public boolean goesThroughS3(EncodedMessage encoded, WireDestination to) {
        if (settings.largeMessageBucket().isEmpty()) {
            return false;
        }
        long limit = limitOf(to);
        long threshold = settings.largeMessageThreshold() == 0 ? limit : Math.min(settings.largeMessageThreshold(), limit);
        return settings.largeMessageAlwaysThroughS3() || encoded.sizeBytes() > threshold;
    }

    /** Where the next large body goes: a new key in the configured bucket. */
    public PayloadPointer newPointer() {
        return PayloadPointer.newIn(settings.largeMessageBucket().orElseThrow(
                () -> new IllegalStateException("no largeMessageBucket is set")));
    }

    /** The store, opened now if it is not yet. */
    public synchronized PayloadStore store() {
        if (closed) {
            throw new HakeException("the connection is closed");
        }
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    /**
     * Called when a received message has been deleted from its queue: its body's S3 object goes
     * too, if it has one, the setting says so, and it was sent to a queue. A topic's message is
     * shared by every subscription, each with its own copy of the pointer: deleting the object
     * for one would take the body from the others.
     */
    public void deleted(WireMessage message) {
        PayloadPointer stored = message.storedBody();
        if (stored == null || !settings.largeMessageDeleteOnAcknowledge() || message.destination() == null
                || message.destination().isTopic()) {
            return;
        }
        CompletableFuture<Void> delete = deleteOf(stored);
        deleting.add(delete);
        delete.whenComplete((ok, failure) -> {
            deleting.remove(delete);
            if (failure != null) {
                LOG.warn("the S3 object of an acknowledged large message was not deleted; an S3 lifecycle rule"
                        + " will have to [object={}]: {}", stored, failure.getMessage());
            }
        });
    }

    private CompletableFuture<Void> deleteOf(PayloadPointer stored) {
        try {
            return store().delete(stored);
        } catch (HakeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Logs, once per SQS message, why a large message's body could not be fetched. */
    static void reportUnfetchable(String sqsMessageId, String queueUrl, PayloadPointer where, Throwable why) {
        if (REPORTED.firstTime(Objects.requireNonNullElse(sqsMessageId, ""))) {
            LOG.warn("cannot fetch the body of a large message; it is not delivered and stays on the queue for its"
                    + " redrive policy [queue={}, sqsMessageId={}, body={}]: {}", queueUrl, sqsMessageId, where,
                    why.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            CompletableFuture.allOf(deleting.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Each delete reports its own failure; one still running is cut off, and its object left to a lifecycle rule.
        }
        synchronized (this) {
            closed = true;
            if (store != null) {
                store.close();
            }
        }
    }
}
