package dev.hake.core;

import dev.hake.core.observe.SendObservation;
import dev.hake.core.send.PreparedSend;

/**
 * A message to send, and the producer it comes from (its message group on FIFO destinations).
 * {@link HakeCore#prepare} makes it ready once (encoded, size-checked, its destination resolved);
 * {@link HakeCore#publish} and {@link HakeCore#publishAll} send a ready one as it is, and make
 * ready one that is not.
 */
public final class Outgoing {

    private final WireMessage message;
    private final String producerId;
    /** Null until {@link HakeCore#prepare}. */
    private final PreparedSend prepared;
    /** Hears how the send ended (metrics, its span); from {@link HakeCore#prepare} on. */
    private final SendObservation observation;

    public Outgoing(WireMessage message, String producerId) {
        this(message, producerId, null, SendObservation.NONE);
    }

    private Outgoing(WireMessage message, String producerId, PreparedSend prepared, SendObservation observation) {
        this.message = message;
        this.producerId = producerId;
        this.prepared = prepared;
        this.observation = observation;
    }

    public WireMessage message() {
        return message;
    }

    public String producerId() {
        return producerId;
    }

    PreparedSend prepared() {
        return prepared;
    }

    Outgoing ready(PreparedSend ready, SendObservation observation) {
        return new Outgoing(message, producerId, ready, observation);
    }

    SendObservation observation() {
        return observation;
    }

    /**
     * The transaction that held this message was rolled back: it is never sent. Tells its metrics
     * and ends its span, which a send would otherwise have done.
     */
    public void rolledBack() {
        observation.rolledBack();
    }
}
