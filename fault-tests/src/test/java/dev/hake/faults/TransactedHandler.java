package dev.hake.faults;

import dev.hake.faults.Ledger.AckState;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * A transacted consumer: commits every {@link #PER_TRANSACTION} messages, and what it holds when a
 * receive comes back empty. A failed commit leaves the session usable; what it consumed comes back
 * (or, in doubt, may).
 */
final class TransactedHandler implements ReceiveLoop.Handler {

    static final int PER_TRANSACTION = 3;

    private final Session session;
    private final String subscription;
    private final Ledger ledger;
    private final ExceptionLog exceptions;
    private final List<String> consumed = new ArrayList<>();

    TransactedHandler(Session session, String subscription, Ledger ledger, ExceptionLog exceptions) {
        this.session = session;
        this.subscription = subscription;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    @Override
    public void onMessage(Message message) throws JMSException {
        String key = Messages.keyOf(message);
        ledger.delivered(subscription, key, message.getJMSRedelivered(), Messages.describe(message));
        consumed.add(key);
        if (consumed.size() >= PER_TRANSACTION) {
            commit();
        }
    }

    @Override
    public void onIdle() {
        if (!consumed.isEmpty()) {
            commit();
        }
    }

    private void commit() {
        List<String> keys = List.copyOf(consumed);
        consumed.clear();
        try {
            session.commit();
            ledger.settled(subscription, keys, AckState.ACKED);
        } catch (JMSException e) {
            exceptions.record("commit (consumer)", e);
            ledger.settled(subscription, keys, SendVerdicts.isInDoubt(e) ? AckState.IN_DOUBT : AckState.MUST_RETURN);
        }
    }
}
