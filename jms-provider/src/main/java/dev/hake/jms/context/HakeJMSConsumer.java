package dev.hake.jms.context;

import dev.hake.jms.JmsErrors;
import jakarta.jms.BytesMessage;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JMSConsumer over one classic MessageConsumer of its context's session. {@code receiveBody}
 * follows the spec when the body cannot be returned: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE
 * the same message is handed out again by the next receive, unchanged; in the other modes it
 * counts as delivered.
 */
final class HakeJMSConsumer implements JMSConsumer {

    private final HakeJMSContext context;
    private final MessageConsumer consumer;
    /** A message whose body receiveBody could not return, to be delivered again first. */
    private final AtomicReference<Message> again = new AtomicReference<>();
    private volatile MessageListener listener;
    private volatile boolean closed;

    HakeJMSConsumer(HakeJMSContext context, MessageConsumer consumer) {
        this.context = context;
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        checkOpen();
        return Unchecked.get(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        checkOpen();
        return listener;
    }

    /** The listener runs on the session's delivery thread; it must not close or stop its own context. */
    @Override
    public void setMessageListener(MessageListener listener) {
        checkOpen();
        MessageListener delivering = listener == null ? null
                : message -> context.callbacks().run(ContextCallbacks.Kind.MESSAGE_LISTENER, () -> {
                    context.session().delivered(message);
                    listener.onMessage(message);
                });
        Unchecked.run(() -> consumer.setMessageListener(delivering));
        this.listener = listener;
    }

    @Override
    public Message receive() {
        return next(consumer::receive);
    }

    /** A timeout of zero waits for ever, as {@link #receive()} does. */
    @Override
    public Message receive(long timeout) {
        return next(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return next(consumer::receiveNoWait);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return bodyOf(receive(), c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return bodyOf(receive(timeout), c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return bodyOf(receiveNoWait(), c);
    }

    private Message next(Unchecked.JmsCall<Message> receive) {
        checkOpen();
        Message first = again.getAndSet(null);
        if (first != null) {
            if (listener != null) {
                again.set(first);
                throw new IllegalStateRuntimeException(
                        "this consumer has a MessageListener; it cannot also receive synchronously");
            }
            return first;
        }
        Message message = Unchecked.get(receive);
        if (message != null) {
            context.session().delivered(message);
        }
        return message;
    }

    private <T> T bodyOf(Message message, Class<T> c) {
        if (message == null) {
            return null;
        }
        JMSRuntimeException failure;
        try {
            if (!hasReceivableBody(message)) {
                failure = new MessageFormatRuntimeException("receiveBody cannot return the body of a "
                        + kind(message) + "; use receive()");
            } else if (!message.isBodyAssignableTo(c)) {
                failure = new MessageFormatRuntimeException("the body of a " + kind(message)
                        + " cannot be assigned to " + c.getTypeName());
            } else {
                return message.getBody(c);
            }
        } catch (JMSException e) {
            failure = JmsErrors.toRuntime(e);
        }
        if (context.session().redeliversUnreadBodies()) {
            again.set(message);
        }
        throw failure;
    }

    /** The spec: receiveBody returns the bodies of these four types only, never of a StreamMessage or a Message. */
    private static boolean hasReceivableBody(Message message) {
        return message instanceof TextMessage || message instanceof BytesMessage || message instanceof MapMessage
                || message instanceof ObjectMessage;
    }

    private static String kind(Message message) {
        for (Class<?> type : new Class<?>[] {TextMessage.class, BytesMessage.class, MapMessage.class,
                ObjectMessage.class, StreamMessage.class}) {
            if (type.isInstance(message)) {
                return type.getSimpleName();
            }
        }
        return "Message";
    }

    /** Waits for a receive or listener in progress; a message held for redelivery is dropped with the consumer. */
    @Override
    public void close() {
        closed = true;
        again.set(null);
        Unchecked.run(consumer::close);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("the JMSConsumer is closed");
        }
        context.checkOpen();
    }
}
