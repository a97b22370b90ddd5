package dev.hake.core;

import java.util.Objects;

/**
 * A destination as the wire names it: its kind and its JMS name (without the settings' prefix).
 * The physical SNS topic or SQS queue is derived from it by {@link ResourceNames}.
 */
public record WireDestination(Kind kind, String name) {

    /** The four kinds of JMS destination. */
    public enum Kind {
        QUEUE, TOPIC, TEMPORARY_QUEUE, TEMPORARY_TOPIC;

        /** True for topics (SNS), false for queues (SQS). */
        public boolean isTopic() {
            return this == TOPIC || this == TEMPORARY_TOPIC;
        }

        public boolean isTemporary() {
            return this == TEMPORARY_QUEUE || this == TEMPORARY_TOPIC;
        }
    }

    public WireDestination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static WireDestination queue(String name) {
        return new WireDestination(Kind.QUEUE, name);
    }

    public static WireDestination topic(String name) {
        return new WireDestination(Kind.TOPIC, name);
    }

    public boolean isTopic() {
        return kind.isTopic();
    }

    /** FIFO destinations are named with the suffix AWS requires. */
    public boolean isFifo() {
        return name.endsWith(".fifo");
    }
}
