package dev.hake.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.Method;

/**
 * A server session's listener: gives each message to its bean's endpoint. A transacted delivery
 * runs between {@code beforeDelivery} and {@code afterDelivery}, so the server's transaction (and
 * the {@link DeliveryTransaction} it enlists) covers it; if the server did not settle it, the
 * delivery is settled here as the bean's outcome says (returned: deleted; threw: delivered again).
 * Outside a transaction a bean that throws gets the message again (the session's AUTO mode).
 */
final class EndpointListener implements MessageListener {

    static final Method ON_MESSAGE = onMessageMethod();

    private final MessageEndpoint endpoint;
    private final Session session;
    /** Null when deliveries are not transacted. */
    private final DeliveryTransaction transaction;

    EndpointListener(MessageEndpoint endpoint, Session session, DeliveryTransaction transaction) {
        this.endpoint = endpoint;
        this.session = session;
        this.transaction = transaction;
    }

    @Override
    public void onMessage(Message message) {
        if (transaction == null) {
            ((MessageListener) endpoint).onMessage(message);
            return;
        }
        transaction.begin();
        boolean threw = true;
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                ((MessageListener) endpoint).onMessage(message);
                threw = false;
            } finally {
                endpoint.afterDelivery();
            }
        } catch (ResourceException | NoSuchMethodException e) {
            throw new IllegalStateException("the application server could not run the delivery's transaction: "
                    + e.getMessage(), e);
        } finally {
            settleIfTheServerDidNot(threw);
        }
    }

    private void settleIfTheServerDidNot(boolean threw) {
        if (transaction.settled()) {
            return;
        }
        try {
            if (threw) {
                session.rollback();
            } else {
                session.commit();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not settle a delivery: " + e.getMessage(), e);
        }
    }

    /** Called when its server session closes. */
    void release() {
        endpoint.release();
    }

    private static Method onMessageMethod() {
        try {
            return MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("jakarta.jms.MessageListener has no onMessage(Message)", e);
        }
    }
}
