package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.WireMessage;
import dev.hake.core.selector.MessageIdentifiers;
import dev.hake.core.selector.Selector;

/**
 * What a consumer accepts, for every face: its message selector, evaluated exactly in the client,
 * and noLocal. On a queue a rejected message is left for other consumers; on a subscription's own
 * queue it is not part of the subscription and is deleted.
 */
@CoreApi
public final class SelectorFilter implements MessageFilter {

    private final Selector selector;
    private final String noLocalOrigin;
    private final boolean queue;

    private SelectorFilter(Selector selector, String noLocalOrigin, boolean queue) {
        this.selector = selector;
        this.noLocalOrigin = noLocalOrigin;
        this.queue = queue;
    }

    /** A consumer on a queue: rejected messages stay for others. {@code selector} null accepts all. */
    public static MessageFilter forQueue(Selector selector) {
        return selector == null ? MessageFilter.DELIVER_ALL : new SelectorFilter(selector, null, true);
    }

    /**
     * A consumer on a subscription queue: rejected messages are deleted, and so, when
     * {@code noLocalOrigin} is not null, are messages whose origin it is (noLocal).
     */
    public static MessageFilter forSubscription(Selector selector, String noLocalOrigin) {
        return selector == null && noLocalOrigin == null ? MessageFilter.DELIVER_ALL
                : new SelectorFilter(selector, noLocalOrigin, false);
    }

    @Override
    public Verdict verdict(WireMessage message) {
        if (noLocalOrigin != null && noLocalOrigin.equals(message.origin())) {
            return Verdict.DISCARD;
        }
        if (selector != null && !selector.matches(MessageIdentifiers.of(message))) {
            return queue ? Verdict.SKIP : Verdict.DISCARD;
        }
        return Verdict.DELIVER;
    }
}
