package dev.hake.jms.message;

import dev.hake.core.WireDestination;
import dev.hake.jms.HakeDestination;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

/**
 * Converts any {@link Destination} to the wire form. Hake destinations convert exactly; another
 * provider's Queue or Topic converts by its name (keeping whether it is temporary), so that a
 * foreign message's JMSReplyTo still names a hake destination of that name.
 */
public final class Destinations {

    private Destinations() {
    }

    /**
     * The wire form of {@code destination}, or null for null.
     *
     * @throws InvalidDestinationException if it is neither a Queue nor a Topic, or has no name
     */
    public static WireDestination toWire(Destination destination) throws JMSException {
        if (destination == null) {
            return null;
        }
        if (destination instanceof HakeDestination hake) {
            return hake.toWire();
        }
        // Temporary first: TemporaryQueue extends Queue. Queue before Topic: a class implementing both is taken as a queue.
        if (destination instanceof TemporaryQueue q) {
            return new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, named(q.getQueueName(), destination));
        }
        if (destination instanceof Queue q) {
            return WireDestination.queue(named(q.getQueueName(), destination));
        }
        if (destination instanceof TemporaryTopic t) {
            return new WireDestination(WireDestination.Kind.TEMPORARY_TOPIC, named(t.getTopicName(), destination));
        }
        if (destination instanceof Topic t) {
            return WireDestination.topic(named(t.getTopicName(), destination));
        }
        throw new InvalidDestinationException("destination of class " + destination.getClass().getName()
                + " is neither a Queue nor a Topic; hake cannot address it");
    }

    private static String named(String name, Destination destination) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("destination of class " + destination.getClass().getName()
                    + " has no name");
        }
        return name;
    }
}
