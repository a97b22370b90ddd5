package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A queue, up to three messages at once. Its 50 ms of work make the deliveries overlap. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = OrderBean.QUEUE),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "" + OrderBean.MAX_SESSIONS)})
public class OrderBean implements MessageListener {

    public static final String NAME = "orders";
    public static final String QUEUE = "orders";
    public static final int MAX_SESSIONS = 3;

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        log.process(NAME, message, 50);
    }
}
