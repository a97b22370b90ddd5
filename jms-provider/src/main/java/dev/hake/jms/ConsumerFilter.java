package dev.hake.jms;

import dev.hake.core.WireMessage;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.selector.MessageIdentifiers;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SelectorSyntaxException;
import jakarta.jms.InvalidSelectorException;
import java.util.function.Function;

/**
 * What a consumer accepts: its message selector, evaluated exactly in the client, and noLocal.
 * On a queue a rejected message is left for other consumers; on a subscription's own queue it is
 * not part of the subscription and is deleted.
 */
final class ConsumerFilter implements MessageFilter {

    private final Selector selector;
    private final String ownConnectionId;
    private final boolean sharedQueue;

    private ConsumerFilter(Selector selector, String ownConnectionId, boolean sharedQueue) {
        this.selector = selector;
        this.ownConnectionId = ownConnectionId;
        this.sharedQueue = sharedQueue;
    }

    /** Parses a selector; null or blank means none. */
    static Selector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException ise = new InvalidSelectorException("invalid message selector: " + e.getMessage());
            ise.initCause(e);
            throw ise;
        }
    }

    /** A consumer on a queue: rejected messages stay for others. */
    static MessageFilter forQueue(Selector selector) {
        return selector == null ? MessageFilter.DELIVER_ALL : new ConsumerFilter(selector, null, true);
    }

    /** A consumer on a subscription queue: rejected messages (and, with noLocal, its own) are deleted. */
    static MessageFilter forSubscription(Selector selector, String noLocalConnectionId) {
        return selector == null && noLocalConnectionId == null ? MessageFilter.DELIVER_ALL
                : new ConsumerFilter(selector, noLocalConnectionId, false);
    }

    @Override
    public Verdict verdict(WireMessage message) {
        if (ownConnectionId != null && ownConnectionId.equals(message.origin())) {
            return Verdict.DISCARD;
        }
        if (selector != null && !selector.matches(identifiers(message))) {
            return sharedQueue ? Verdict.SKIP : Verdict.DISCARD;
        }
        return Verdict.DELIVER;
    }

    /** The values a selector sees in a message. */
    static Function<String, Object> identifiers(WireMessage m) {
        return MessageIdentifiers.of(m);
    }
}
