package dev.hake.core;

/** One consumer's hold on a subscription queue (see {@link TopicSubscriptions}). */
interface SubscriptionClaim {

    /** Ends the hold; later calls do nothing. True when this was the last consumer of the subscription in this JVM. */
    boolean release();
}
