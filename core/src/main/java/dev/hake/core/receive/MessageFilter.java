package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.WireMessage;

/** Decides, per received message, what a consumer does with it: selectors and noLocal. */
@FunctionalInterface
@CoreApi
public interface MessageFilter {

    /** What to do with one message. */
    enum Verdict {
        /** Hand it to the application. */
        DELIVER,
        /** Not for this consumer and never will be (its own subscription): delete it. */
        DISCARD,
        /** Not for this consumer, but perhaps for another on the same queue: leave it on the queue. */
        SKIP
    }

    MessageFilter DELIVER_ALL = m -> Verdict.DELIVER;

    Verdict verdict(WireMessage message);
}
