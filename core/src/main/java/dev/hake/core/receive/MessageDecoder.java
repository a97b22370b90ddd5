package dev.hake.core.receive;

import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** Turns an SQS message into a wire message; the wire codec implements it. */
@FunctionalInterface
public interface MessageDecoder {
    WireMessage decode(Message message, WireDestination consumedFrom);

    /**
     * {@code answer} with what its messages left elsewhere brought in (a large message's body, from
     * S3), before any is decoded. A message whose body cannot be had is left out: it stays hidden and
     * comes again, until the queue's redrive policy takes it away. Never fails. Default: nothing is
     * elsewhere.
     */
    default CompletableFuture<ReceiveMessageResponse> fetchBodies(ReceiveMessageResponse answer, String queueUrl) {
        return CompletableFuture.completedFuture(answer);
    }
}
