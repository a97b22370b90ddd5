package dev.hake.jms;

import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMS consumer on one SQS queue (the queue itself, or the queue behind a topic subscription).
 * Synchronous receives are answered from the receiver's buffer; a listener is fed by its session.
 */
final class HakeMessageConsumer implements jakarta.jms.QueueReceiver, TopicSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(HakeMessageConsumer.class);

    private final HakeSession session;
    private final HakeDestination destination;
    private final ReceiveBuffer receiver;
    private final ConsumerSource source;
    private volatile MessageListener listener;
    private volatile boolean closed;

    HakeMessageConsumer(HakeSession session, HakeDestination destination, ReceiveBuffer receiver,
                        ConsumerSource source) {
        this.session = session;
        this.destination = destination;
        this.receiver = receiver;
        this.source = source;
    }

    ReceiveBuffer receiver() {
        return receiver;
    }

    /** Where it reads from, and what to undo at close. */
    ConsumerSource source() {
        return source;
    }

    HakeDestination destination() {
        return destination;
    }

    MessageListener listener() {
        return listener;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return source.selector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        this.listener = listener;
        if (listener == null) {
            receiver.unlisten();
        } else {
            receiver.onListenerFailure(failure -> session.connection().reportProblem(JmsErrors.toJms(failure), failure));
            receiver.listen(session::messagesAvailable);
            session.messagesAvailable();
        }
    }

    @Override
    public Message receive() throws JMSException {
        return receiveWithin(-1);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        // JMS: a timeout of zero means wait for ever.
        return receiveWithin(timeout <= 0 ? -1 : timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveWithin(0);
    }

    private Message receiveWithin(long timeoutMillis) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("this consumer has a MessageListener; it cannot also receive synchronously");
        }
        ReceivedMessage received;
        try {
            received = receiver.receive(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        if (received == null) {
            return null;
        }
        if (closed || session.isClosed()) {
            session.services().core.acknowledger().release(received, false);
            return null;
        }
        return session.deliverSync(this, received);
    }

    void logListenerFailure(RuntimeException e) {
        LOG.warn("MessageListener threw; the message will be delivered again [destination={}]", destination, e);
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        if (destination instanceof Queue q) {
            return q;
        }
        throw new IllegalStateException("this consumer reads a topic, not a queue");
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        if (destination instanceof Topic t) {
            return t;
        }
        throw new IllegalStateException("this consumer reads a queue, not a topic");
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return source.noLocal();
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        listener = null;
        receiver.close();
        try {
            session.consumerClosed(this);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the consumer is closed");
        }
        session.checkOpen();
    }
}
