package dev.hake.core;

/**
 * What a subscription is opened as. Every consumer of one subscription queue must open it the same
 * way, whichever face it comes through. {@code selector} is the selector's text, or null.
 */
record SubscriptionIdentity(String topic, String selector, boolean noLocal) {
}
