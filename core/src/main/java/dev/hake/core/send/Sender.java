package dev.hake.core.send;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.MessageTooLargeException;
import dev.hake.core.ResourceNames;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.aws.CallerThreadClients;
import dev.hake.core.aws.RequestAttempts;
import dev.hake.core.aws.Topology;
import dev.hake.core.large.LargeMessages;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.wire.WireAttributes;
import dev.hake.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Makes wire messages ready to send ({@link #prepare}: encoded, size-checked (a large body bound for
 * S3, see {@link LargeMessages}), destination resolved,
 * so that a message that cannot be sent fails before any request) and makes the requests: one
 * SendMessage or Publish for a lone message, SendMessageBatch or PublishBatch for many. Which
 * messages travel together is the {@link SendCoalescer}'s to say.
 */
public final class Sender implements Transmitter {

    public static final int MAX_BATCH_ENTRIES = 10;
    static final String GROUP_ID_PROPERTY = "JMSXGroupID";

    private final AwsClients aws;
    private final Topology topology;
    private final ResourceNames names;
    private final WireCodec codec;
    private final HakeSettings settings;
    private final LargeMessages large;

    public Sender(AwsClients aws, Topology topology, ResourceNames names, WireCodec codec, HakeSettings settings,
                  LargeMessages large) {
        this.large = large;
        this.aws = aws;
        this.topology = topology;
        this.names = names;
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * Encodes, checks and resolves a message from {@code producerId}. Fails at once, with nothing
     * sent, if it cannot be sent (over the size limit, a destination that does not exist and may not
     * be created).
     */
    public PreparedSend prepare(WireMessage message, String producerId) {
        WireDestination to = message.destination();
        EncodedMessage encoded = codec.encode(message);
        PreparedSend.Upload upload = null;
        if (large.goesThroughS3(encoded, to)) {
            EncodedMessage whole = encoded.attributes().size() < WireAttributes.MAX_ATTRIBUTES ? encoded
                    : codec.encodeForS3(message);
            upload = new PreparedSend.Upload(large.newPointer(), whole.body());
            encoded = codec.pointingTo(whole, upload.where());
            if (encoded.sizeBytes() > LargeMessages.limitOf(to)) {
                throw new MessageTooLargeException(encoded.sizeBytes(), LargeMessages.limitOf(to), service(to),
                        "its body would go to S3, but its headers and properties alone are too large");
            }
        } else {
            codec.checkSize(encoded, LargeMessages.limitOf(to), service(to));
        }
        String groupId = to.isFifo() ? groupId(message, producerId) : null;
        String dedupId = to.isFifo() ? message.messageId() : null;
        // A temporary destination is never created by a send: once deleted, it is gone.
        boolean mayCreate = !to.kind().isTemporary() && settings.createDestinations();
        if (to.isTopic()) {
            return new PreparedSend(to, topology.topicArn(names.topic(to.name()), mayCreate), encoded, groupId,
                    dedupId, 0, upload, null);
        }
        return new PreparedSend(to, topology.queueUrl(names.queue(to.name()), mayCreate, Map.of()), encoded,
                groupId, dedupId, to.isFifo() ? 0 : delayedUntil(message), upload, awsTraceHeader(message));
    }

    /** X-Ray's header, from the message's property, for SQS's {@code AWSTraceHeader} system attribute. */
    private static String awsTraceHeader(WireMessage message) {
        return message.properties().get(WireMessage.AWS_TRACE_HEADER_PROPERTY) instanceof String header ? header : null;
    }

    /** The SQS system attributes of a send: X-Ray's header, or none (null leaves the field out of the request). */
    private static Map<String, MessageSystemAttributeValue> systemAttributes(PreparedSend p) {
        return p.awsTraceHeader() == null ? null : Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER.toString(),
                MessageSystemAttributeValue.builder().dataType("String").stringValue(p.awsTraceHeader()).build());
    }

    private static String service(WireDestination to) {
        return to.isTopic() ? "SNS" : "SQS";
    }

    /** One SendMessage or Publish; AWS errors fail the future. */
    @Override
    public CompletableFuture<Void> sendOne(PreparedSend p) {
        RequestAttempts attempts = new RequestAttempts();
        String what = what(p);
        if (p.destination().isTopic()) {
            return aws.sns().publish(publishRequest(p, attempts)).handle((ok, failure) -> done(failure, what, attempts));
        }
        return aws.sqs().sendMessage(sendMessageRequest(p, attempts)).handle((ok, failure) -> done(failure, what, attempts));
    }

    /**
     * One SendMessage or Publish made on the calling thread with the blocking clients, which waits
     * for the answer; the future is complete when this returns. Without blocking clients (clients
     * made elsewhere) it is {@link #sendOne}.
     */
    @Override
    public CompletableFuture<Void> sendOneHere(PreparedSend p) {
        Optional<CallerThreadClients> here = aws.callerThread();
        if (here.isEmpty()) {
            return sendOne(p);
        }
        RequestAttempts attempts = new RequestAttempts();
        try {
            if (p.destination().isTopic()) {
                here.get().sns().publish(publishRequest(p, attempts));
            } else {
                here.get().sqs().sendMessage(sendMessageRequest(p, attempts));
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            if (AwsErrors.isInterruption(e)) {
                // The SDK cleared the thread's interrupt status when it gave up; the caller's code should still see it.
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.failedFuture(AwsErrors.translate(e, what(p), attempts));
        }
    }

    private PublishRequest publishRequest(PreparedSend p, RequestAttempts attempts) {
        return PublishRequest.builder().topicArn(p.target()).message(p.encoded().body())
                .messageAttributes(codec.toSnsAttributes(p.encoded()))
                .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId())
                .overrideConfiguration(attempts::attachTo).build();
    }

    private SendMessageRequest sendMessageRequest(PreparedSend p, RequestAttempts attempts) {
        return SendMessageRequest.builder().queueUrl(p.target()).messageBody(p.encoded().body())
                .messageAttributes(codec.toSqsAttributes(p.encoded()))
                .messageSystemAttributesWithStrings(systemAttributes(p))
                .delaySeconds(p.delaySecondsAt(System.currentTimeMillis()))
                .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId())
                .overrideConfiguration(attempts::attachTo).build();
    }

    private static String what(PreparedSend p) {
        return p.destination().isTopic() ? "SNS Publish [topic=" + p.destination().name() + "]"
                : "SQS SendMessage [queue=" + p.destination().name() + "]";
    }

    /**
     * One SendMessageBatch or PublishBatch for up to ten prepared messages to one target. The
     * future yields one entry per message: null where it was sent, the failure where not; it never
     * fails itself.
     */
    @Override
    public CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch) {
        PreparedSend first = batch.get(0);
        WireDestination to = first.destination();
        RequestAttempts attempts = new RequestAttempts();
        String what;
        CompletableFuture<Map<String, String>> call;
        if (to.isTopic()) {
            what = "SNS PublishBatch [topic=" + to.name() + "]";
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                PreparedSend p = batch.get(i);
                entries.add(PublishBatchRequestEntry.builder().id(Integer.toString(i)).message(p.encoded().body())
                        .messageAttributes(codec.toSnsAttributes(p.encoded()))
                        .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()).build());
            }
            call = aws.sns().publishBatch(r -> r.topicArn(first.target()).publishBatchRequestEntries(entries)
                            .overrideConfiguration(attempts::attachTo))
                    .thenApply(response -> failedEntries(response.failed().stream()
                            .map(f -> Map.entry(f.id(), f.code() + ": " + f.message())).toList()));
        } else {
            what = "SQS SendMessageBatch [queue=" + to.name() + "]";
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                PreparedSend p = batch.get(i);
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(p.encoded().body()).messageAttributes(codec.toSqsAttributes(p.encoded()))
                        .messageSystemAttributesWithStrings(systemAttributes(p))
                        .delaySeconds(p.delaySecondsAt(System.currentTimeMillis()))
                        .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()).build());
            }
            call = aws.sqs().sendMessageBatch(r -> r.queueUrl(first.target()).entries(entries)
                            .overrideConfiguration(attempts::attachTo))
                    .thenApply(response -> failedEntries(response.failed().stream()
                            .map(f -> Map.entry(f.id(), f.code() + ": " + f.message())).toList()));
        }
        return call.handle((failed, error) -> {
            List<HakeException> result = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (error != null) {
                    result.add(AwsErrors.translate(error, what, attempts));
                } else if (failed.containsKey(Integer.toString(i))) {
                    result.add(entryFailure(what, failed.get(Integer.toString(i)), attempts));
                } else {
                    result.add(null);
                }
            }
            return result;
        });
    }

    private static Map<String, String> failedEntries(List<Map.Entry<String, String>> failed) {
        Map<String, String> m = new LinkedHashMap<>();
        failed.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /**
     * An entry the answer refused. If an earlier attempt of the batch was lost or met a server
     * error, AWS may have stored this entry then: its outcome is in doubt, not "not sent".
     */
    private static HakeException entryFailure(String what, String detail, RequestAttempts attempts) {
        if (attempts.mayHaveApplied(null)) {
            return AwsErrors.entryInDoubt(what, attempts, detail);
        }
        return new HakeException(what + " failed for a message: " + detail);
    }

    private static Void done(Throwable failure, String what, RequestAttempts attempts) {
        if (failure != null) {
            throw AwsErrors.translate(failure, what, attempts);
        }
        return null;
    }

    private static String groupId(WireMessage message, String producerId) {
        Object group = message.properties().get(GROUP_ID_PROPERTY);
        return group instanceof String s && !s.isEmpty() ? s : producerId;
    }

    /** When a delayed message may be delivered; 0 if it is not delayed. */
    private static long delayedUntil(WireMessage message) {
        return message.deliveryTime() > message.timestamp() ? message.deliveryTime() : 0;
    }
}
