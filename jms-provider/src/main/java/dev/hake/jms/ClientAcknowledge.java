package dev.hake.jms;

import static dev.hake.jms.message.JmsExceptions.withCause;

import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * CLIENT_ACKNOWLEDGE: consumed messages wait for {@code Message.acknowledge()}, which acknowledges
 * everything the session has consumed so far, or for {@code recover()}, which delivers it again.
 */
final class ClientAcknowledge extends SettledByApplication {

    ClientAcknowledge(ConsumedMessages consumed) {
        super(consumed);
    }

    @Override
    public int sessionMode() {
        return Session.CLIENT_ACKNOWLEDGE;
    }

    @Override
    public void acknowledge() throws JMSException {
        try {
            consumed.deleteAll().join();
        } catch (RuntimeException e) {
            JMSException failure = JmsErrors.toJms(e);
            throw withCause(failure instanceof HakeInDoubtException
                    ? new HakeInDoubtException("acknowledge is in doubt: " + failure.getMessage())
                    : new JMSException("acknowledge failed: " + failure.getMessage()), failure.getCause());
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
