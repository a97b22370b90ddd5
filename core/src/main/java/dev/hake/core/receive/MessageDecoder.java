package dev.hake.core.receive;

import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import software.amazon.awssdk.services.sqs.model.Message;

/** Turns an SQS message into a wire message; the wire codec implements it. */
@FunctionalInterface
public interface MessageDecoder {
    WireMessage decode(Message message, WireDestination consumedFrom);
}
