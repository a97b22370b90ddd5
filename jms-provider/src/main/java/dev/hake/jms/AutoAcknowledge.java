package dev.hake.jms;

import jakarta.jms.Session;
import java.util.List;

/**
 * AUTO_ACKNOWLEDGE: a message is acknowledged once receive() returns it, or once its listener
 * returns. A listener that throws gets the message again.
 */
class AutoAcknowledge implements AcknowledgementMode {

    /** Only a listener's current message, so that a recover() inside the listener can take it back. */
    private final ConsumedMessages consumed;

    AutoAcknowledge(ConsumedMessages consumed) {
        this.consumed = consumed;
    }

    @Override
    public int sessionMode() {
        return Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public void received(Delivered message) {
        consumed.settlement().delete(message.received());
    }

    @Override
    public void listenerStarts(Delivered message) {
        consumed.add(message);
    }

    @Override
    public void listenerReturned(Delivered message, boolean threw) {
        if (!consumed.remove(message)) {
            return; // the listener called recover(): the message is on its way back already
        }
        if (threw) {
            consumed.settlement().redeliver(List.of(message));
        } else {
            consumed.settlement().delete(message.received());
        }
    }

    @Override
    public void recover() {
        consumed.redeliverAll();
    }

    @Override
    public void close() {
        consumed.releaseAll();
    }
}
