package dev.hake.faults;

import dev.hake.faults.Ledger.SendState;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends on a transacted session and commits every {@link #PER_TRANSACTION} sends. A commit that
 * fails says per message what became of it; what was not sent is sent again, once, as new
 * messages in one more transaction.
 */
final class TransactedSender implements Sender {

    static final int PER_TRANSACTION = 10;

    private final Session session;
    private final MessageProducer producer;
    private final Ledger ledger;
    private final ExceptionLog exceptions;

    TransactedSender(Session session, MessageProducer producer, Ledger ledger, ExceptionLog exceptions) {
        this.session = session;
        this.producer = producer;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    @Override
    public void sendAll(List<String> keys) throws JMSException {
        for (int from = 0; from < keys.size(); from += PER_TRANSACTION) {
            List<String> notSent = transaction(keys.subList(from, Math.min(keys.size(), from + PER_TRANSACTION)));
            if (!notSent.isEmpty()) {
                transaction(notSent.stream().map(Messages::resendKey).toList());
            }
        }
    }

    /** Sends the keys in one transaction; returns those not sent. */
    private List<String> transaction(List<String> keys) throws JMSException {
        Map<String, String> idByKey = new LinkedHashMap<>();
        List<String> notSent = new ArrayList<>();
        for (String key : keys) {
            TextMessage m = Messages.create(session, key);
            try {
                producer.send(m);
                idByKey.put(key, m.getJMSMessageID());
            } catch (JMSException e) {
                // A transacted send only holds the message: failing here, it is not part of the commit.
                exceptions.record("send (transacted)", e);
                ledger.sent(key, SendState.NOT_SENT);
                notSent.add(key);
            }
        }
        try {
            session.commit();
            idByKey.keySet().forEach(key -> ledger.sent(key, SendState.SENT));
        } catch (JMSException e) {
            exceptions.record("commit (producer)", e);
            idByKey.forEach((key, id) -> {
                SendState state = SendVerdicts.of(e, id);
                ledger.sent(key, state);
                if (state == SendState.NOT_SENT) {
                    notSent.add(key);
                }
            });
        }
        return notSent;
    }
}
