package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.Destination;
import java.io.Serializable;
import java.util.Objects;

/**
 * A hake queue or topic: a JMS name that maps onto an SQS queue or SNS topic by the rules in the
 * README. Destinations are values: two with the same kind and name are equal.
 */
public abstract sealed class HakeDestination implements Destination, Serializable
        permits HakeQueue, HakeTopic {

    private static final long serialVersionUID = 1L;

    private final String name;

    HakeDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The JMS name, without the settings' prefix. */
    public String name() {
        return name;
    }

    /** The same destination as core names it. */
    public abstract WireDestination toWire();

    /** The JMS destination for a wire destination; temporary ones keep their kind. */
    public static HakeDestination fromWire(WireDestination wire) {
        if (wire == null) {
            return null;
        }
        return switch (wire.kind()) {
            case QUEUE -> new HakeQueue(wire.name());
            case TOPIC -> new HakeTopic(wire.name());
            case TEMPORARY_QUEUE -> new HakeTemporaryQueue(wire.name());
            case TEMPORARY_TOPIC -> new HakeTemporaryTopic(wire.name());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HakeDestination other && other.toWire().equals(toWire());
    }

    @Override
    public int hashCode() {
        return toWire().hashCode();
    }

    @Override
    public String toString() {
        return toWire().kind().name().toLowerCase(java.util.Locale.ROOT) + "://" + name;
    }
}
