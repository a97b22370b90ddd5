package dev.hake.core.selector;

import dev.hake.core.CoreApi;
import dev.hake.core.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The values a selector sees in a message: header fields as the spec defines them, then properties. */
@CoreApi
public final class MessageIdentifiers {

    private MessageIdentifiers() {
    }

    public static Function<String, Object> of(WireMessage m) {
        return name -> switch (name) {
            case "JMSDeliveryMode" -> m.deliveryMode() == WireMessage.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority" -> m.priority();
            case "JMSMessageID" -> m.messageId();
            case "JMSTimestamp" -> m.timestamp();
            case "JMSCorrelationID" -> m.correlationId() != null ? m.correlationId()
                    : m.correlationIdBytes() == null ? null : new String(m.correlationIdBytes(), StandardCharsets.UTF_8);
            case "JMSType" -> m.type();
            case "JMSXDeliveryCount" -> m.deliveryCount();
            default -> m.properties().get(name);
        };
    }
}
