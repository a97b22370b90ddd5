package dev.hake.core.send;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.ResourceNames;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.aws.Topology;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.wire.WireAttributes;
import dev.hake.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends wire messages: one SendMessage or Publish for a lone message, SendMessageBatch or
 * PublishBatch for many. Every message is encoded and its size checked before any request, so a
 * message that cannot be sent fails with nothing sent.
 */
public final class Sender {

    /** SQS's longest per-message delay; a longer delivery delay is finished by the consumer. */
    static final int MAX_DELAY_SECONDS = 900;
    static final int MAX_BATCH_ENTRIES = 10;
    static final String GROUP_ID_PROPERTY = "JMSXGroupID";

    private final AwsClients aws;
    private final Topology topology;
    private final ResourceNames names;
    private final WireCodec codec;
    private final HakeSettings settings;

    public Sender(AwsClients aws, Topology topology, ResourceNames names, WireCodec codec, HakeSettings settings) {
        this.settings = settings;
        this.aws = aws;
        this.topology = topology;
        this.names = names;
        this.codec = codec;
    }

    /** A message to send, and the producer it comes from (the message group on FIFO destinations). */
    public record Outgoing(WireMessage message, String producerId) {
    }

    /**
     * Sends to {@code message.destination()}. Encoding, size and destination errors are thrown at
     * once; AWS errors fail the future.
     */
    public CompletableFuture<Void> send(WireMessage message, String producerId) {
        Prepared p = prepare(new Outgoing(message, producerId));
        WireDestination to = p.destination();
        if (to.isTopic()) {
            return aws.sns().publish(r -> r.topicArn(p.target()).message(p.encoded().body())
                            .messageAttributes(codec.toSnsAttributes(p.encoded()))
                            .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()))
                    .handle((ok, failure) -> done(failure, "SNS Publish [topic=" + to.name() + "]"));
        }
        return aws.sqs().sendMessage(r -> r.queueUrl(p.target()).messageBody(p.encoded().body())
                        .messageAttributes(codec.toSqsAttributes(p.encoded()))
                        .delaySeconds(p.delaySeconds())
                        .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()))
                .handle((ok, failure) -> done(failure, "SQS SendMessage [queue=" + to.name() + "]"));
    }

    /**
     * Encodes and checks a message as a send would, without sending it: fails if it cannot be sent
     * (a size over the limit, a destination that does not exist and may not be created).
     */
    public void check(WireMessage message) {
        prepare(new Outgoing(message, ""));
    }

    /**
     * Sends many messages in as few batch requests as the limits allow (10 entries and 262,144
     * bytes a request), in order per destination. Every message is encoded and checked before the
     * first request. The future yields one entry per message, in input order: null where the message
     * was sent, the failure where it was not.
     */
    public CompletableFuture<List<HakeException>> sendAll(List<Outgoing> messages) {
        List<Prepared> prepared = messages.stream().map(this::prepare).toList();
        HakeException[] failures = new HakeException[prepared.size()];
        Map<String, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            byTarget.computeIfAbsent(prepared.get(i).target(), t -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<Void>> perTarget = new ArrayList<>();
        for (List<Integer> indexes : byTarget.values()) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            // Batches to one destination go one after another, which keeps FIFO order.
            for (List<Integer> batch : BatchPlanner.plan(indexes, i -> prepared.get(i).encoded().sizeBytes(),
                    MAX_BATCH_ENTRIES, WireAttributes.MAX_MESSAGE_BYTES)) {
                chain = chain.thenCompose(x -> sendBatch(prepared, batch, failures));
            }
            perTarget.add(chain);
        }
        return CompletableFuture.allOf(perTarget.toArray(CompletableFuture[]::new))
                .thenApply(x -> Arrays.asList(failures));
    }

    private CompletableFuture<Void> sendBatch(List<Prepared> prepared, List<Integer> batch, HakeException[] failures) {
        Prepared first = prepared.get(batch.get(0));
        WireDestination to = first.destination();
        CompletableFuture<Map<String, String>> call;
        String what;
        if (to.isTopic()) {
            what = "SNS PublishBatch [topic=" + to.name() + "]";
            call = aws.sns().publishBatch(r -> r.topicArn(first.target()).publishBatchRequestEntries(
                            batch.stream().map(i -> {
                                Prepared p = prepared.get(i);
                                return software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry.builder()
                                        .id(Integer.toString(i)).message(p.encoded().body())
                                        .messageAttributes(codec.toSnsAttributes(p.encoded()))
                                        .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()).build();
                            }).toList()))
                    .thenApply(response -> failedEntries(response.failed().stream()
                            .map(f -> Map.entry(f.id(), f.code() + ": " + f.message())).toList()));
        } else {
            what = "SQS SendMessageBatch [queue=" + to.name() + "]";
            call = aws.sqs().sendMessageBatch(r -> r.queueUrl(first.target()).entries(
                            batch.stream().map(i -> {
                                Prepared p = prepared.get(i);
                                return software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                                        .id(Integer.toString(i)).messageBody(p.encoded().body())
                                        .messageAttributes(codec.toSqsAttributes(p.encoded()))
                                        .delaySeconds(p.delaySeconds())
                                        .messageGroupId(p.groupId()).messageDeduplicationId(p.dedupId()).build();
                            }).toList()))
                    .thenApply(response -> failedEntries(response.failed().stream()
                            .map(f -> Map.entry(f.id(), f.code() + ": " + f.message())).toList()));
        }
        return call.handle((failed, error) -> {
            for (int i : batch) {
                if (error != null) {
                    failures[i] = AwsErrors.translate(error, what);
                } else if (failed.containsKey(Integer.toString(i))) {
                    failures[i] = new HakeException(what + " failed for a message: " + failed.get(Integer.toString(i)));
                }
            }
            return null;
        });
    }

    private static Map<String, String> failedEntries(List<Map.Entry<String, String>> failed) {
        Map<String, String> m = new LinkedHashMap<>();
        failed.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private record Prepared(WireDestination destination, String target, EncodedMessage encoded, String groupId,
                            String dedupId, Integer delaySeconds) {
    }

    private Prepared prepare(Outgoing out) {
        WireMessage message = out.message();
        WireDestination to = message.destination();
        EncodedMessage encoded = codec.encode(message);
        codec.checkSize(encoded, to.isTopic() ? "SNS" : "SQS");
        String groupId = to.isFifo() ? groupId(message, out.producerId()) : null;
        String dedupId = to.isFifo() ? message.messageId() : null;
        // A temporary destination is never created by a send: once deleted, it is gone.
        boolean mayCreate = !to.kind().isTemporary() && settings.createDestinations();
        if (to.isTopic()) {
            return new Prepared(to, topology.topicArn(names.topic(to.name()), mayCreate), encoded, groupId, dedupId,
                    null);
        }
        return new Prepared(to, topology.queueUrl(names.queue(to.name()), mayCreate, java.util.Map.of()), encoded,
                groupId, dedupId, to.isFifo() ? null : delaySeconds(message));
    }

    private static Void done(Throwable failure, String what) {
        if (failure != null) {
            throw AwsErrors.translate(failure, what);
        }
        return null;
    }

    private static String groupId(WireMessage message, String producerId) {
        Object group = message.properties().get(GROUP_ID_PROPERTY);
        return group instanceof String s && !s.isEmpty() ? s : producerId;
    }

    /** SQS delays up to 15 minutes; the consumer hides the message for whatever remains. */
    private static Integer delaySeconds(WireMessage message) {
        long delayMillis = message.deliveryTime() - System.currentTimeMillis();
        if (message.deliveryTime() <= message.timestamp() || delayMillis < 1_000) {
            return null;
        }
        return (int) Math.min(MAX_DELAY_SECONDS, delayMillis / 1_000);
    }
}
