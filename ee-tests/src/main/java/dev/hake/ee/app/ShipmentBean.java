package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A slow bean (100 ms a message, two at once), so that a queue of messages is still flowing when a
 * test stops the server.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ShipmentBean.QUEUE),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")})
public class ShipmentBean implements MessageListener {

    public static final String NAME = "shipments";
    public static final String QUEUE = "shipments";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        log.process(NAME, message, 100);
    }
}
