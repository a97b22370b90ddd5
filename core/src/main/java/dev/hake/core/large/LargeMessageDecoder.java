package dev.hake.core.large;

import dev.hake.core.HakeException;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.receive.MessageDecoder;
import dev.hake.core.PayloadPointer;
import dev.hake.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The decoder of a connection's consumers: the wire codec, after the bodies of large messages have
 * been fetched from S3, all of an answer's at once.
 */
public final class LargeMessageDecoder implements MessageDecoder {

    private final WireCodec codec;
    private final LargeMessages large;

    public LargeMessageDecoder(WireCodec codec, LargeMessages large) {
        this.codec = codec;
        this.large = large;
    }

    @Override
    public WireMessage decode(Message message, WireDestination consumedFrom) {
        return codec.decode(message, consumedFrom);
    }

    @Override
    public CompletableFuture<ReceiveMessageResponse> fetchBodies(ReceiveMessageResponse answer, String queueUrl) {
        List<CompletableFuture<Message>> messages = new ArrayList<>(answer.messages().size());
        boolean anyStored = false;
        for (Message m : answer.messages()) {
            Optional<PayloadPointer> stored = codec.storedBodyOf(m);
            anyStored |= stored.isPresent();
            messages.add(stored.isEmpty() ? CompletableFuture.completedFuture(m) : fetch(m, stored.get(), queueUrl));
        }
        if (!anyStored) {
            return CompletableFuture.completedFuture(answer);
        }
        return CompletableFuture.allOf(messages.toArray(CompletableFuture[]::new)).thenApply(all -> answer.toBuilder()
                .messages(messages.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList()).build());
    }

    /** The message with its body fetched; null if it cannot be (reported, and left for the redrive policy). */
    private CompletableFuture<Message> fetch(Message m, PayloadPointer where, String queueUrl) {
        CompletableFuture<String> body;
        try {
            body = large.store().get(where);
        } catch (HakeException e) {
            body = CompletableFuture.failedFuture(e);
        }
        return body.handle((text, failure) -> {
            if (failure != null) {
                LargeMessages.reportUnfetchable(m.messageId(), queueUrl, where,
                        failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                                ? c.getCause() : failure);
                return null;
            }
            return codec.withFetchedBody(m, where, text);
        });
    }
}
