package dev.hake.core;

/**
 * A consumer was refused because its subscription is already consumed in this JVM in a way that
 * does not admit it. Nothing on AWS was touched. The JMS face raises it as an IllegalStateException.
 */
public class SubscriptionInUseException extends HakeException {
    public SubscriptionInUseException(String message) {
        super(message);
    }
}
