package dev.hake.jms;

/**
 * The modes in which the application settles what the session consumed (CLIENT_ACKNOWLEDGE by
 * {@code acknowledge()}, a transaction by {@code commit()}): every message handed out, by
 * {@code receive()} or to a listener, joins the consumed messages and stays there when the listener
 * returns, whether it threw or not.
 */
abstract class SettledByApplication implements AcknowledgementMode {

    protected final ConsumedMessages consumed;

    SettledByApplication(ConsumedMessages consumed) {
        this.consumed = consumed;
    }

    @Override
    public final void received(Delivered message) {
        consumed.add(message);
    }

    @Override
    public final void listenerStarts(Delivered message) {
        consumed.add(message);
    }

    @Override
    public final void listenerReturned(Delivered message, boolean threw) {
        // Settled by the application: acknowledge(), commit(), recover() or rollback().
    }
}
