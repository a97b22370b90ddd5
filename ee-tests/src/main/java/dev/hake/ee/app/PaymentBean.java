package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean that fails: it throws for a message until the message has been delivered more times than
 * its int property {@value #FAILURES} says, then processes it. The exception rolls back the
 * container's transaction, which must bring the message back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentBean.QUEUE),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")})
public class PaymentBean implements MessageListener {

    public static final String NAME = "payments";
    public static final String QUEUE = "payments";
    public static final String FAILURES = "failures";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        try {
            int failures = message.propertyExists(FAILURES) ? message.getIntProperty(FAILURES) : 0;
            if (message.getIntProperty("JMSXDeliveryCount") <= failures) {
                log.refuse(NAME, message);
                throw new IllegalStateException("payment refused on purpose, delivery "
                        + message.getIntProperty("JMSXDeliveryCount") + " of " + (failures + 1));
            }
            log.process(NAME, message, 0);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
