package dev.hake.camel;

import dev.hake.core.WireMessage;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.selector.MessageIdentifiers;
import dev.hake.core.selector.Selector;

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
        if (selector.matches(MessageIdentifiers.of(message))) {
            return Verdict.DELIVER;
        }
        return subscription ? Verdict.DISCARD : Verdict.SKIP;
    }
}
