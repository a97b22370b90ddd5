package dev.hake.core;

import dev.hake.core.selector.Selector;
import java.util.Objects;

/**
 * What a consumer of a topic asks for: the kind of subscription, its topic (by destination name),
 * its name and client ID where it has them, its selector (or null) and, for noLocal, the connection
 * whose own messages it must not see (null: it sees them all).
 *
 * <p>The kind and names decide the subscription's queue, so every face that asks for the same
 * subscription (a JMS shared durable consumer and a Camel route, say) reads the same queue.
 */
public record SubscriptionRequest(Kind kind, String topicName, String name, String clientId, Selector selector,
                                  String localConnectionId) {

    /** The kinds of topic subscription JMS defines, with the words an error uses for each. */
    public enum Kind {
        /** One consumer's own subscription, removed when the consumer closes. */
        NON_DURABLE("subscription"),
        /** Kept while no consumer is open; one consumer at a time; named within a client ID. */
        DURABLE("durable subscription"),
        /** Kept while no consumer is open; any number of consumers share its messages. */
        SHARED_DURABLE("shared durable subscription"),
        /** Shared by its consumers, removed when the last one closes. */
        SHARED("shared subscription");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        boolean isShared() {
            return this == SHARED_DURABLE || this == SHARED;
        }
    }

    public SubscriptionRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topicName, "topicName");
        if (kind != Kind.NON_DURABLE) {
            Objects.requireNonNull(name, "a " + kind.words + " needs a name");
        }
        if (kind == Kind.DURABLE) {
            Objects.requireNonNull(clientId, "an unshared durable subscription needs a client ID");
        }
        if (kind.isShared() && localConnectionId != null) {
            throw new IllegalArgumentException("a " + kind.words + " has no noLocal: its consumers come from many connections");
        }
    }

    public static SubscriptionRequest nonDurable(String topicName, Selector selector, String localConnectionId) {
        return new SubscriptionRequest(Kind.NON_DURABLE, topicName, null, null, selector, localConnectionId);
    }

    public static SubscriptionRequest durable(String topicName, String name, String clientId, Selector selector,
                                              String localConnectionId) {
        return new SubscriptionRequest(Kind.DURABLE, topicName, name, clientId, selector, localConnectionId);
    }

    public static SubscriptionRequest sharedDurable(String topicName, String name, String clientId, Selector selector) {
        return new SubscriptionRequest(Kind.SHARED_DURABLE, topicName, name, clientId, selector, null);
    }

    public static SubscriptionRequest shared(String topicName, String name, String clientId, Selector selector) {
        return new SubscriptionRequest(Kind.SHARED, topicName, name, clientId, selector, null);
    }

    boolean noLocal() {
        return localConnectionId != null;
    }

    boolean fifo() {
        return topicName.endsWith(".fifo");
    }

    String selectorText() {
        return selector == null ? null : selector.text();
    }

    /** Names the subscription in errors, e.g. "shared durable subscription 'audit'". */
    String description() {
        return kind.words + (name == null ? " to '" + topicName + "'" : " '" + name + "'");
    }
}
