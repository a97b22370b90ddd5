package dev.hake.core.wire;

import java.util.Optional;

/**
 * The Java types a JMS property can have, with the letter that names each in the {@code n} field
 * of the hake attribute (the JVM's descriptor letters, T for String).
 */
enum PropertyType {
    STRING('T', EncodedAttribute.STRING),
    BOOLEAN('Z', EncodedAttribute.STRING),
    BYTE('B', EncodedAttribute.NUMBER),
    SHORT('S', EncodedAttribute.NUMBER),
    INT('I', EncodedAttribute.NUMBER),
    LONG('J', EncodedAttribute.NUMBER),
    FLOAT('F', EncodedAttribute.NUMBER),
    DOUBLE('D', EncodedAttribute.NUMBER);

    private final char code;
    private final String attributeType;

    PropertyType(char code, String attributeType) {
        this.code = code;
        this.attributeType = attributeType;
    }

    char code() {
        return code;
    }

    /** The SNS/SQS data type a native attribute of this type has: booleans travel as strings. */
    String attributeType() {
        return attributeType;
    }

    static Optional<PropertyType> of(Object value) {
        if (value instanceof String) {
            return Optional.of(STRING);
        } else if (value instanceof Boolean) {
            return Optional.of(BOOLEAN);
        } else if (value instanceof Byte) {
            return Optional.of(BYTE);
        } else if (value instanceof Short) {
            return Optional.of(SHORT);
        } else if (value instanceof Integer) {
            return Optional.of(INT);
        } else if (value instanceof Long) {
            return Optional.of(LONG);
        } else if (value instanceof Float) {
            return Optional.of(FLOAT);
        } else if (value instanceof Double) {
            return Optional.of(DOUBLE);
        }
        return Optional.empty();
    }

    static Optional<PropertyType> ofCode(char code) {
        for (PropertyType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
