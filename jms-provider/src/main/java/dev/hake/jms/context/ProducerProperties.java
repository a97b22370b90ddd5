package dev.hake.jms.context;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The message properties set on a JMSProducer. They are kept in an empty message of the session,
 * so names, value types and the conversion table are exactly those of a message's properties.
 */
final class ProducerProperties {

    private final Message holder;

    ProducerProperties(Message holder) {
        this.holder = holder;
    }

    void set(String name, Object value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        Unchecked.run(() -> holder.setObjectProperty(name, value));
    }

    void clear() {
        Unchecked.run(holder::clearProperties);
    }

    boolean exists(String name) {
        return Unchecked.get(() -> holder.propertyExists(name));
    }

    /** A read-only view: it shows later changes to the producer's properties, as the spec asks. */
    Set<String> names() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return snapshot().iterator();
            }

            @Override
            public int size() {
                return snapshot().size();
            }

            @Override
            public boolean contains(Object name) {
                return name instanceof String n && exists(n);
            }
        };
    }

    private Set<String> snapshot() {
        Set<String> names = new LinkedHashSet<>(Collections.list(Unchecked.get(holder::getPropertyNames)));
        return Collections.unmodifiableSet(names);
    }

    /** Reads a property with the message's conversion rules. */
    <T> T read(Read<T> read) {
        return Unchecked.get(() -> read.from(holder));
    }

    @FunctionalInterface
    interface Read<T> {
        T from(Message holder) throws JMSException;
    }

    /** Sets every property on {@code message}, replacing a property of the same name. */
    void applyTo(Message message) {
        for (String name : snapshot()) {
            Object value = Unchecked.get(() -> holder.getObjectProperty(name));
            Unchecked.run(() -> message.setObjectProperty(name, value));
        }
    }
}
