package dev.hake.camel;

import dev.hake.core.WireMessage;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.selector.Selector;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A consumer's message selector, evaluated exactly in the client as the JMS provider does. On a
 * queue a rejected message is left for other consumers; on a subscription's queue it is not part
 * of the subscription and is deleted.
 */
final class SelectorFilter implements MessageFilter {

    private final Selector selector;
    private final boolean subscription;

    private SelectorFilter(Selector selector, boolean subscription) {
        this.selector = selector;
        this.subscription = subscription;
    }

    /** The filter for {@code selector} (null: every message is delivered). */
    static MessageFilter of(Selector selector, boolean subscription) {
        return selector == null ? MessageFilter.DELIVER_ALL : new SelectorFilter(selector, subscription);
    }

    @Override
    public Verdict verdict(WireMessage message) {
        if (selector.matches(identifiers(message))) {
            return Verdict.DELIVER;
        }
        return subscription ? Verdict.DISCARD : Verdict.SKIP;
    }

    /** The values a selector sees: header fields as the JMS specification defines them, then properties. */
    static Function<String, Object> identifiers(WireMessage m) {
        return name -> switch (name) {
            case "JMSDeliveryMode" -> m.deliveryMode() == WireMessage.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority" -> m.priority();
            case "JMSMessageID" -> m.messageId();
            case "JMSTimestamp" -> m.timestamp();
            case "JMSCorrelationID" -> m.correlationId() != null || m.correlationIdBytes() == null ? m.correlationId()
                    : new String(m.correlationIdBytes(), StandardCharsets.UTF_8);
            case "JMSType" -> m.type();
            case "JMSXDeliveryCount" -> m.deliveryCount();
            default -> m.properties().get(name);
        };
    }
}
