package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue: an SQS queue that lives as long as the connection that created it.
 * Only that connection may consume from it or delete it; anyone may send to it, for instance
 * after receiving it as a message's JMSReplyTo.
 */
public final class HakeTemporaryQueue extends HakeQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    /** The creating connection's registry; null for one that arrived in a message. */
    private final transient TemporaryDestinations owner;

    public HakeTemporaryQueue(String name) {
        this(name, null);
    }

    HakeTemporaryQueue(String name, TemporaryDestinations owner) {
        super(name);
        this.owner = owner;
    }

    TemporaryDestinations owner() {
        return owner;
    }

    @Override
    public WireDestination toWire() {
        return new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, name());
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException(
                    "temporary queue " + name() + " can only be deleted by the connection that created it");
        }
        owner.delete(this);
    }
}
