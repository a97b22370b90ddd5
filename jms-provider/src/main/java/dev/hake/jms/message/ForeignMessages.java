package dev.hake.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * Copies a message of another provider's implementation into a hake message, through the JMS API
 * only: body by the interface the message implements, then headers, then properties.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static HakeMessage copy(Message foreign) throws JMSException {
        HakeMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        copyProperties(foreign, copy);
        return copy;
    }

    private static HakeMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new HakeTextMessage(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (foreign instanceof MapMessage map) {
            return copyMap(map);
        }
        if (foreign instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        if (foreign instanceof ObjectMessage object) {
            return new HakeObjectMessage(object.getObject());
        }
        return new HakeMessage();
    }

    private static HakeBytesMessage copyBytes(BytesMessage foreign) throws JMSException {
        // reset() is the only way in the API to read a body that may still be write-only.
        foreign.reset();
        long length = foreign.getBodyLength();
        if (length > Integer.MAX_VALUE) {
            throw new MessageFormatException("a BytesMessage body of " + length + " bytes is too large to copy");
        }
        byte[] body = new byte[(int) length];
        byte[] chunk = new byte[Math.min(body.length, 64 * 1024)];
        int filled = 0;
        // A provider may hand out fewer bytes per call than asked; read until the declared length.
        while (filled < body.length) {
            int read = foreign.readBytes(chunk, Math.min(chunk.length, body.length - filled));
            if (read <= 0) {
                break;
            }
            System.arraycopy(chunk, 0, body, filled, read);
            filled += read;
        }
        foreign.reset();
        HakeBytesMessage copy = new HakeBytesMessage();
        copy.writeBytes(body, 0, filled);
        return copy;
    }

    private static HakeMapMessage copyMap(MapMessage foreign) throws JMSException {
        HakeMapMessage copy = new HakeMapMessage();
        Enumeration<?> names = foreign.getMapNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            copy.setObject(name, foreign.getObject(name));
        }
        return copy;
    }

    private static HakeStreamMessage copyStream(StreamMessage foreign) throws JMSException {
        foreign.reset();
        HakeStreamMessage copy = new HakeStreamMessage();
        while (true) {
            Object value;
            try {
                value = foreign.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            copy.writeObject(value);
        }
        foreign.reset();
        return copy;
    }

    private static void copyHeaders(Message foreign, HakeMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        copyCorrelationId(foreign, copy);
        copy.setJMSReplyTo(foreign.getJMSReplyTo());
        copy.setJMSDestination(foreign.getJMSDestination());
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSRedelivered(foreign.getJMSRedelivered());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSPriority(foreign.getJMSPriority());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
    }

    /** The string form when there is one; else the bytes form, which providers may not support at all. */
    private static void copyCorrelationId(Message foreign, HakeMessage copy) throws JMSException {
        String id = foreign.getJMSCorrelationID();
        if (id != null) {
            copy.setJMSCorrelationID(id);
            return;
        }
        try {
            copy.setJMSCorrelationIDAsBytes(foreign.getJMSCorrelationIDAsBytes());
        } catch (UnsupportedOperationException notSupported) {
            // The spec lets providers without native correlation IDs refuse the bytes form: there is none to copy.
        }
    }

    /** Every property but the JMSX ones the provider sets: those describe the foreign delivery, not this send. */
    private static void copyProperties(Message foreign, HakeMessage copy) throws JMSException {
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (!PropertyNames.isProviderSet(name)) {
                copy.setObjectProperty(name, foreign.getObjectProperty(name));
            }
        }
    }
}
