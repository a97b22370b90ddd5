package dev.hake.faults;

import dev.hake.faults.Ledger.AckState;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;

/**
 * An AUTO_ACKNOWLEDGE listener that books each delivery. Returning from onMessage acknowledges the
 * message: from the application's side it is gone for good then.
 */
final class RecordingListener implements MessageListener {

    private final String subscription;
    private final Ledger ledger;
    private final ExceptionLog exceptions;

    RecordingListener(String subscription, Ledger ledger, ExceptionLog exceptions) {
        this.subscription = subscription;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    @Override
    public void onMessage(Message message) {
        try {
            String key = Messages.keyOf(message);
            ledger.delivered(subscription, key, message.getJMSRedelivered(), Messages.describe(message));
            ledger.settled(subscription, List.of(key), AckState.ACKED);
        } catch (JMSException e) {
            exceptions.record("onMessage (reading the message)", e);
        }
    }
}
