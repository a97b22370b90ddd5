package dev.hake.ee.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A shared durable subscription to the same topic as {@link PriceHistoryBean}, four messages at once:
 * every server that names it would split its messages.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PriceHistoryBean.TOPIC),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "price-audit"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")})
public class PriceAuditBean implements MessageListener {

    public static final String NAME = "price-audit";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(Message message) {
        log.process(NAME, message, 20);
    }
}
