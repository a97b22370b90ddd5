package dev.hake.ra;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A message-driven bean as the container presents it to an adapter: an endpoint factory whose
 * endpoints record each message. With {@code containerTransactions}, each delivery runs in a
 * transaction as a container's {@code Required} would: begun in beforeDelivery with the adapter's
 * resource enlisted, committed in afterDelivery, or rolled back if the bean threw or asked for it.
 */
final class TestBean implements MessageEndpointFactory {

    /** One delivery as the bean saw it. */
    record Delivery(String text, int number, boolean redelivered, int deliveryCount) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger endpointsReleased = new AtomicInteger();
    private final AtomicInteger endpointsMade = new AtomicInteger();
    private final boolean containerTransactions;
    private volatile Predicate<Delivery> throwsFor = d -> false;
    private volatile Predicate<Delivery> rollsBackFor = d -> false;
    private volatile Runnable work = () -> { };

    TestBean(boolean containerTransactions) {
        this.containerTransactions = containerTransactions;
    }

    /** The bean throws a RuntimeException for these deliveries. */
    TestBean throwingFor(Predicate<Delivery> which) {
        this.throwsFor = which;
        return this;
    }

    /** The bean marks the transaction rollback-only (setRollbackOnly) for these deliveries. */
    TestBean rollingBackFor(Predicate<Delivery> which) {
        this.rollsBackFor = which;
        return this;
    }

    /** What the bean does with each message before it returns. */
    TestBean working(Runnable work) {
        this.work = work;
        return this;
    }

    int endpointsMade() {
        return endpointsMade.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource resource) throws UnavailableException {
        endpointsMade.incrementAndGet();
        return new Endpoint(resource);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource resource, long timeout) throws UnavailableException {
        return createEndpoint(resource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return containerTransactions;
    }

    @Override
    public String getActivationName() {
        return "test-bean";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    private final class Endpoint implements MessageEndpoint, MessageListener {
        private final XAResource resource;
        private Xid current;
        private boolean rollbackOnly;

        Endpoint(XAResource resource) {
            this.resource = resource;
        }

        @Override
        public void beforeDelivery(Method method) {
            if (resource != null) {
                current = new TestXid();
                rollbackOnly = false;
                try {
                    resource.start(current, XAResource.TMNOFLAGS);
                } catch (XAException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void onMessage(Message message) {
            Delivery d;
            try {
                d = new Delivery(((TextMessage) message).getText(), message.getIntProperty("n"),
                        message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            deliveries.add(d);
            work.run();
            if (rollsBackFor.test(d)) {
                rollbackOnly = true;
            }
            if (throwsFor.test(d)) {
                rollbackOnly = true;
                throw new IllegalStateException("the bean failed on " + d.text());
            }
        }

        @Override
        public void afterDelivery() {
            if (resource == null || current == null) {
                return;
            }
            Xid xid = current;
            current = null;
            try {
                resource.end(xid, XAResource.TMSUCCESS);
                if (rollbackOnly) {
                    resource.rollback(xid);
                } else {
                    resource.commit(xid, true);
                }
            } catch (XAException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void release() {
            endpointsReleased.incrementAndGet();
        }
    }

    private static final class TestXid implements Xid {
        private static final AtomicInteger NEXT = new AtomicInteger();
        private final byte[] id = Integer.toString(NEXT.incrementAndGet()).getBytes();

        @Override
        public int getFormatId() {
            return 1;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return id;
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[0];
        }
    }
}
