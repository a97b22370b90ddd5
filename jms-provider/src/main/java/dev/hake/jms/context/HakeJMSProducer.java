package dev.hake.jms.context;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A JMSProducer: send options, headers and properties that it applies to every message it sends
 * through its context's one classic MessageProducer.
 */
final class HakeJMSProducer implements JMSProducer {

    private final HakeJMSContext context;
    private final ProducerProperties properties;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private CompletionListener completionListener;
    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    HakeJMSProducer(HakeJMSContext context, Message propertyHolder) {
        this.context = context;
        this.properties = new ProducerProperties(propertyHolder);
    }

    // ---- sending

    @Override
    public JMSProducer send(Destination destination, Message message) {
        checkDestination(destination);
        if (message == null) {
            throw new MessageFormatRuntimeException("the message must not be null");
        }
        applyTo(message);
        context.send(destination, message, options(), completionListener);
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        checkDestination(destination);
        return send(destination, context.createTextMessage(body));
    }

    /** A null map sends a MapMessage without entries. */
    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        checkDestination(destination);
        MapMessage message = context.createMapMessage();
        if (body != null) {
            for (Map.Entry<String, Object> entry : body.entrySet()) {
                Unchecked.run(() -> message.setObject(entry.getKey(), entry.getValue()));
            }
        }
        return send(destination, message);
    }

    /** A null array sends a BytesMessage without a body. */
    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        checkDestination(destination);
        BytesMessage message = context.createBytesMessage();
        if (body != null) {
            Unchecked.run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        checkDestination(destination);
        return send(destination, context.createObjectMessage(body));
    }

    private void checkDestination(Destination destination) {
        context.checkOpen();
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("the destination must not be null");
        }
    }

    private void applyTo(Message message) {
        properties.applyTo(message);
        if (correlationIdBytes != null) {
            Unchecked.run(() -> message.setJMSCorrelationIDAsBytes(correlationIdBytes));
        } else if (correlationId != null) {
            Unchecked.run(() -> message.setJMSCorrelationID(correlationId));
        }
        if (type != null) {
            Unchecked.run(() -> message.setJMSType(type));
        }
        if (replyTo != null) {
            Unchecked.run(() -> message.setJMSReplyTo(replyTo));
        }
    }

    private SendOptions options() {
        return new SendOptions(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId, disableTimestamp);
    }

    // ---- send options

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageId = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageId;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSRuntimeException("invalid delivery mode " + deliveryMode
                    + ": use DeliveryMode.PERSISTENT or NON_PERSISTENT");
        }
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new JMSRuntimeException("invalid priority " + priority + ": JMS priorities run from 0 to 9");
        }
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        if (deliveryDelay < 0) {
            throw new JMSRuntimeException("the delivery delay must not be negative, was " + deliveryDelay);
        }
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    /** A listener makes sends asynchronous; null makes them synchronous again. */
    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        this.completionListener = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ---- properties

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return setProperty(name, (Object) value);
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clear();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return properties.read(m -> m.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return properties.read(m -> m.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return properties.read(m -> m.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return properties.read(m -> m.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return properties.read(m -> m.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return properties.read(m -> m.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return properties.read(m -> m.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return properties.read(m -> m.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.read(m -> m.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.names();
    }

    // ---- headers

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationId) {
        this.correlationIdBytes = correlationId == null ? null : correlationId.clone();
        this.correlationId = null;
        return this;
    }

    /** The bytes as set; a string correlation ID is returned as its UTF-8 bytes, as a hake message does. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationId) {
        this.correlationId = correlationId;
        this.correlationIdBytes = null;
        return this;
    }

    /** The string as set; a bytes correlation ID is returned decoded as UTF-8, as a hake message does. */
    @Override
    public String getJMSCorrelationID() {
        if (correlationId != null) {
            return correlationId;
        }
        return correlationIdBytes == null ? null : new String(correlationIdBytes, StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
