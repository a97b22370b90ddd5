package dev.hake.jms.message;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is a String, possibly null; on the wire the text travels as it is. */
public final class HakeTextMessage extends HakeMessage implements TextMessage {

    /** A new message with a null text. */
    public HakeTextMessage() {
        super(new WireMessage(BodyKind.TEXT));
    }

    /** A new message with this text. */
    public HakeTextMessage(String text) {
        this();
        wire().text(text);
    }

    HakeTextMessage(WireMessage wire) {
        super(wire);
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        wire().text(text);
    }

    @Override
    public String getText() {
        return wire().text();
    }

    @Override
    void clearBodyContent() {
        wire().text(null);
    }

    @Override
    Class<?> bodyType() {
        return wire().text() == null ? null : String.class;
    }

    @Override
    Object bodyValue() {
        return wire().text();
    }
}
