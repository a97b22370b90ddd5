package dev.hake.ee.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * A stateless bean that sends in its container-managed transaction (Required), through the
 * adapter's pooled connection factory: what it sends goes out when its method's transaction
 * commits, and never when it rolls back.
 */
@Stateless
@ConnectionFactoryDefinition(name = OrderDesk.FACTORY, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "hake-ra", transactionSupport = TransactionSupportLevel.LocalTransaction)
public class OrderDesk {

    public static final String FACTORY = "java:app/jms/hake";

    /** How the bean's method ends. */
    public enum Ending { RETURNS, ROLLS_BACK, THROWS }

    @Resource(lookup = FACTORY)
    private ConnectionFactory factory;

    @Resource
    private SessionContext context;

    /** Sends "{@code body} n" with the int property n = 0 .. count-1 to {@code queue}, then ends as told. */
    public void send(String queue, String body, int count, Ending ending) throws JMSException {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession()) {
            var producer = session.createProducer(session.createQueue(queue));
            for (int n = 0; n < count; n++) {
                Message message = session.createTextMessage(body + " " + n);
                message.setIntProperty("n", n);
                producer.send(message);
            }
        }
        if (ending == Ending.ROLLS_BACK) {
            context.setRollbackOnly();
        } else if (ending == Ending.THROWS) {
            throw new IllegalStateException("the order desk fails after sending, as a later step of the method might");
        }
    }
}
