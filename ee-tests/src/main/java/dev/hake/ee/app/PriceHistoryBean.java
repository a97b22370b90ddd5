package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** An unshared durable subscription to the topic, identified by client ID and subscription name. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PriceHistoryBean.TOPIC),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "ee-tests"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "price-history")})
public class PriceHistoryBean implements MessageListener {

    public static final String NAME = "price-history";
    public static final String TOPIC = "prices";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        log.process(NAME, message, 0);
    }
}
