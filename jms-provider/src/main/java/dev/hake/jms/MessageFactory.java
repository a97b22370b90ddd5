package dev.hake.jms;

import dev.hake.core.receive.ReceivedMessage;
import dev.hake.jms.message.HakeBytesMessage;
import dev.hake.jms.message.HakeMapMessage;
import dev.hake.jms.message.HakeMessage;
import dev.hake.jms.message.HakeObjectMessage;
import dev.hake.jms.message.HakeStreamMessage;
import dev.hake.jms.message.HakeTextMessage;
import dev.hake.jms.message.MessageAcknowledger;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A session's messages: new ones to send, and the JMS face of received ones, whose
 * {@code acknowledge()} goes to the session. Object messages only deserialize the trusted classes.
 */
final class MessageFactory {

    private final Predicate<String> trustedClasses;
    private final MessageAcknowledger acknowledger;

    MessageFactory(Predicate<String> trustedClasses, MessageAcknowledger acknowledger) {
        this.trustedClasses = trustedClasses;
        this.acknowledger = acknowledger;
    }

    BytesMessage bytes() {
        return new HakeBytesMessage();
    }

    MapMessage map() {
        return new HakeMapMessage();
    }

    Message plain() {
        return new HakeMessage();
    }

    ObjectMessage object() {
        return new HakeObjectMessage(trustedClasses);
    }

    ObjectMessage object(Serializable object) throws JMSException {
        HakeObjectMessage m = new HakeObjectMessage(trustedClasses);
        m.setObject(object);
        return m;
    }

    StreamMessage stream() {
        return new HakeStreamMessage();
    }

    TextMessage text() {
        return new HakeTextMessage();
    }

    TextMessage text(String text) throws JMSException {
        HakeTextMessage m = new HakeTextMessage();
        m.setText(text);
        return m;
    }

    HakeMessage received(ReceivedMessage received) {
        HakeMessage message = HakeMessage.fromWire(received.message(), trustedClasses);
        message.setAcknowledger(acknowledger);
        return message;
    }
}
