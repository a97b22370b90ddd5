package dev.hake.faults;

import dev.hake.faults.Ledger.AckState;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.List;

/**
 * A CLIENT_ACKNOWLEDGE consumer that acknowledges each message, except that the first time it
 * sees every {@link #RECOVER_EVERY}th message it calls {@code session.recover()} instead, which
 * must bring that message back, marked redelivered.
 */
final class ClientAckHandler implements ReceiveLoop.Handler {

    static final int RECOVER_EVERY = 7;

    private final Session session;
    private final String subscription;
    private final Ledger ledger;
    private final ExceptionLog exceptions;

    ClientAckHandler(Session session, String subscription, Ledger ledger, ExceptionLog exceptions) {
        this.session = session;
        this.subscription = subscription;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    @Override
    public void onMessage(Message message) throws JMSException {
        String key = Messages.keyOf(message);
        ledger.delivered(subscription, key, message.getJMSRedelivered(), Messages.describe(message));
        int n = Messages.number(key);
        if (n > 0 && n % RECOVER_EVERY == 0 && !Messages.isResend(key) && ledger.deliveries(subscription, key) == 1) {
            try {
                session.recover();
            } catch (JMSException e) {
                exceptions.record("recover", e);
            }
            ledger.settled(subscription, List.of(key), AckState.MUST_RETURN);
            return;
        }
        try {
            message.acknowledge();
            ledger.settled(subscription, List.of(key), AckState.ACKED);
        } catch (JMSException e) {
            exceptions.record("acknowledge", e);
            ledger.settled(subscription, List.of(key), SendVerdicts.isInDoubt(e) ? AckState.IN_DOUBT : AckState.MUST_RETURN);
        }
    }

    @Override
    public void onIdle() {
        // every message is acknowledged or recovered as it comes
    }
}
