package dev.hake.jms;

import dev.hake.jms.message.HakeMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import java.util.UUID;

/**
 * A JMS producer. A synchronous send is one SendMessage or Publish request and returns once AWS
 * has accepted the message; an asynchronous send returns at once and reports to its
 * CompletionListener on the session's delivery executor.
 */
final class HakeMessageProducer implements QueueSender, TopicPublisher {

    private final HakeSession session;
    private final SessionSends sends;
    private final HakeDestination destination;
    private final String producerId = UUID.randomUUID().toString();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private volatile boolean closed;

    HakeMessageProducer(HakeSession session, SessionSends sends, HakeDestination destination) {
        this.session = session;
        this.sends = sends;
        this.destination = destination;
    }

    static HakeDestination toHake(Destination destination) throws InvalidDestinationException {
        if (destination instanceof HakeDestination h) {
            return h;
        }
        try {
            if (destination instanceof Queue q) {
                return new HakeQueue(q.getQueueName());
            }
            if (destination instanceof Topic t) {
                return new HakeTopic(t.getTopicName());
            }
        } catch (JMSException e) {
            InvalidDestinationException ide = new InvalidDestinationException("cannot read the foreign destination's name");
            ide.initCause(e);
            throw ide;
        }
        throw new InvalidDestinationException("not a queue or topic: " + destination);
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkOpen();
        this.deliveryMode = checkDeliveryMode(deliveryMode);
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int priority) throws JMSException {
        checkOpen();
        this.priority = checkPriority(priority);
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        checkOpen();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        checkOpen();
        if (deliveryDelay < 0) {
            throw new JMSException("the delivery delay must not be negative, was " + deliveryDelay);
        }
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        checkOpen();
        send(ownDestination(), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        checkOpen();
        send(explicitDestination(destination), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener completionListener) throws JMSException {
        checkOpen();
        send(ownDestination(), message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener completionListener)
            throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener completionListener) throws JMSException {
        checkOpen();
        send(explicitDestination(destination), message, deliveryMode, priority, timeToLive,
                requireListener(completionListener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send((Destination) queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send(topic, message, deliveryMode, priority, timeToLive);
    }

    private HakeDestination ownDestination() {
        if (destination == null) {
            throw new UnsupportedOperationException("this producer has no destination: use a send method that takes one");
        }
        return destination;
    }

    private HakeDestination explicitDestination(Destination d) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException("this producer sends to " + destination
                    + "; a destination cannot be given per send");
        }
        if (d == null) {
            throw new InvalidDestinationException("the destination must not be null");
        }
        return toHake(d);
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("the CompletionListener must not be null");
        }
        return listener;
    }

    private void send(HakeDestination to, Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        if (message == null) {
            throw new MessageFormatException("the message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        long now = System.currentTimeMillis();
        message.setJMSDestination(to);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSTimestamp(disableTimestamp ? 0 : now);
        message.setJMSDeliveryTime(now + deliveryDelay);
        // An id is always set: FIFO deduplication and the wire format rely on it.
        message.setJMSMessageID(sends.nextMessageId());
        HakeMessage hake = message instanceof HakeMessage h ? h : HakeMessage.copyOf(message);
        sends.send(hake.toWireForSend(), producerId, message, listener, this);
    }

    private static int checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("invalid delivery mode " + mode + ": use DeliveryMode.PERSISTENT or NON_PERSISTENT");
        }
        return mode;
    }

    private static int checkPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("invalid priority " + priority + ": JMS priorities run from 0 to 9");
        }
        return priority;
    }

    @Override
    public void close() throws JMSException {
        if (!closed && session.isCompletionListenerThread()) {
            throw new IllegalStateException("a CompletionListener must not close its own MessageProducer");
        }
        if (!closed) {
            // JMS: close waits for this producer's asynchronous sends and their callbacks.
            sends.awaitCallbacks(this);
        }
        if (!closed) {
            closed = true;
            session.producerClosed(this);
        }
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the producer is closed");
        }
        session.checkOpen();
    }
}
