package dev.hake.faults;

import dev.hake.faults.Ledger.SendState;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * Sends one message per send() on a non-transacted session, books what each send said, and sends
 * a message again, once, as a new message, when it was not sent, as an application would.
 */
final class PlainSender implements Sender {

    private final Session session;
    private final MessageProducer producer;
    private final Ledger ledger;
    private final ExceptionLog exceptions;

    PlainSender(Session session, MessageProducer producer, Ledger ledger, ExceptionLog exceptions) {
        this.session = session;
        this.producer = producer;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    @Override
    public void sendAll(List<String> keys) throws JMSException {
        for (String key : keys) {
            if (send(key) == SendState.NOT_SENT) {
                send(Messages.resendKey(key));
            }
        }
    }

    private SendState send(String key) throws JMSException {
        TextMessage m = Messages.create(session, key);
        SendState state;
        try {
            producer.send(m);
            state = SendState.SENT;
        } catch (JMSException e) {
            exceptions.record("send", e);
            state = SendVerdicts.of(e, m.getJMSMessageID());
        }
        ledger.sent(key, state);
        return state;
    }
}
