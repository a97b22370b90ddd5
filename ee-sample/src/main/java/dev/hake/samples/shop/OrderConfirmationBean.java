package dev.hake.samples.shop;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Confirms each order that arrives on the SQS queue {@code orders}: it answers on the order's
 * {@code JMSReplyTo}. Both happen in the bean's container-managed transaction (Required, the
 * default): the reply goes out and the order is deleted from its queue when {@code onMessage}
 * returns; had it thrown, neither would happen and the order would come again.
 *
 * <p>The bean knows nothing of AWS: {@code resourceAdapter} names the deployed hake adapter, whose
 * configuration (region, credentials, prefix) the server holds.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "hake-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "orders"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")})
@ConnectionFactoryDefinition(name = "java:app/jms/hake", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "hake-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
public class OrderConfirmationBean implements MessageListener {

    @Resource(lookup = "java:app/jms/hake")
    private ConnectionFactory factory;

    @Override
    public void onMessage(Message message) {
        try {
            Destination replyTo = message.getJMSReplyTo();
            if (replyTo == null) {
                return; // nobody to confirm to: consumed all the same
            }
            String order = ((TextMessage) message).getText();
            try (Connection connection = factory.createConnection();
                 Session session = connection.createSession()) {
                TextMessage confirmation = session.createTextMessage("confirmed " + order + " (delivery "
                        + message.getIntProperty("JMSXDeliveryCount") + ")");
                confirmation.setJMSCorrelationID(message.getJMSMessageID());
                session.createProducer(replyTo).send(confirmation);
            }
        } catch (JMSException e) {
            // A RuntimeException rolls the transaction back: no reply, and the order comes again.
            throw new IllegalStateException("could not confirm the order", e);
        }
    }
}
