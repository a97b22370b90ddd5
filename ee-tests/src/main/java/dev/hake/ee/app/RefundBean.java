package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean that refuses every message: with {@code maxDeliveries} set on its activation, each
 * message goes to the dead-letter queue {@code refunds-dlq} after that many rolled-back deliveries,
 * instead of coming back for as long as the queue keeps it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = RefundBean.QUEUE),
        @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "" + RefundBean.MAX_DELIVERIES)})
public class RefundBean implements MessageListener {

    public static final String NAME = "refunds";
    public static final String QUEUE = "refunds";
    public static final String DEAD_LETTER_QUEUE = "refunds-dlq";
    public static final int MAX_DELIVERIES = 2;

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        try {
            log.refuse(NAME, message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("refund refused on purpose");
    }
}
