package dev.hake.jms.message;

import dev.hake.core.BodyKind;
import dev.hake.core.TrustedClasses;
import dev.hake.core.UntrustedClassException;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A message whose body is a Serializable object, held in its serialised form from the moment it is
 * set, so later changes to the object do not reach the message. A body received from the wire is
 * deserialised only if every class in it passes the trusted-classes filter; a body set in this JVM
 * is the application's own and is not filtered.
 */
public final class HakeObjectMessage extends HakeMessage implements ObjectMessage {

    private static final Predicate<String> ANY_CLASS = name -> true;

    private final Predicate<String> trustedClasses;
    /** True while the serialised form is the one that arrived from the wire. */
    private boolean bodyFromWire;

    /** A new message with a null object. */
    public HakeObjectMessage() {
        this(TrustedClasses.defaults());
    }

    /**
     * A new message with a null object and the given filter. The filter applies to a body that did
     * not come from {@link #setObject} in this JVM, so a session may hand its setting to every
     * ObjectMessage it creates.
     */
    public HakeObjectMessage(Predicate<String> trustedClasses) {
        super(new WireMessage(BodyKind.OBJECT));
        this.trustedClasses = Objects.requireNonNull(trustedClasses, "trustedClasses");
    }

    /** A new message holding {@code object} in serialised form. */
    public HakeObjectMessage(Serializable object) throws JMSException {
        this();
        setObject(object);
    }

    HakeObjectMessage(WireMessage wire, Predicate<String> trustedClasses) {
        super(wire);
        this.trustedClasses = trustedClasses;
        this.bodyFromWire = true;
    }

    /**
     * Serialises {@code object} now; null makes the body empty.
     *
     * @throws MessageFormatException if the object cannot be serialised
     */
    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        wire().bytes(object == null ? null : serialise(object));
        bodyFromWire = false;
    }

    /**
     * A new copy of the object, deserialised from the body; null for an empty body.
     *
     * @throws MessageFormatException if it cannot be deserialised, or names a class that is not
     *     trusted (that class is never loaded)
     */
    @Override
    public Serializable getObject() throws JMSException {
        byte[] body = wire().bytes();
        return body == null ? null : deserialise(body, bodyFromWire ? trustedClasses : ANY_CLASS);
    }

    @Override
    void clearBodyContent() {
        wire().bytes(null);
        bodyFromWire = false;
    }

    // Deserialises to learn the class; getBody then deserialises again. ObjectMessage is rare enough to pay that.
    @Override
    Class<?> bodyType() throws JMSException {
        Serializable object = getObject();
        return object == null ? null : object.getClass();
    }

    @Override
    Object bodyValue() throws JMSException {
        return getObject();
    }

    private static byte[] serialise(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw JmsExceptions.withCause(new MessageFormatException(
                    "cannot serialise the ObjectMessage body: " + e), e);
        }
        return bytes.toByteArray();
    }

    private static Serializable deserialise(byte[] body, Predicate<String> trusted) throws MessageFormatException {
        try {
            return (Serializable) TrustedClasses.deserialise(body, trusted);
        } catch (UntrustedClassException e) {
            throw JmsExceptions.withCause(new MessageFormatException("class " + e.classname
                    + " is not in the trusted packages, so the ObjectMessage body was not deserialised;"
                    + " add its package to the trustedPackages setting if it is safe"), e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw JmsExceptions.withCause(new MessageFormatException(
                    "cannot deserialise the ObjectMessage body: " + e), e);
        }
    }
}
