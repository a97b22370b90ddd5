package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue as it arrives in JMSReplyTo. Creating temporary destinations is not supported
 * yet (see the README); a received one can be sent to like any queue.
 */
public final class HakeTemporaryQueue extends HakeQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    public HakeTemporaryQueue(String name) {
        super(name);
    }

    @Override
    public WireDestination toWire() {
        return new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, name());
    }

    @Override
    public void delete() throws JMSException {
        throw new jakarta.jms.IllegalStateException(
                "temporary queue " + name() + " can only be deleted by the connection that created it");
    }
}
