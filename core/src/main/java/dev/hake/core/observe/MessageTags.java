package dev.hake.core.observe;

import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;

/**
 * The destination and kind a message's meters are tagged with: the JMS name (without the prefix),
 * and {@code queue}, {@code topic} (sent to one) or {@code subscription} (received from a topic
 * through a subscription's queue). Temporary destinations, made and named per connection, share
 * one name, {@code temporary}, so that they cannot make the tags grow without bound.
 */
record MessageTags(String destination, String kind) {

    static final String TEMPORARY = "temporary";

    static MessageTags sent(WireMessage message) {
        WireDestination to = message.destination();
        return new MessageTags(name(to), to == null ? "queue" : to.isTopic() ? "topic" : "queue");
    }

    static MessageTags consumed(WireMessage message) {
        WireDestination from = message.destination();
        return new MessageTags(name(from), from != null && from.isTopic() ? "subscription" : "queue");
    }

    private static String name(WireDestination d) {
        if (d == null) {
            return "unknown";
        }
        return d.kind().isTemporary() ? TEMPORARY : d.name();
    }
}
