package dev.hake.jms.message;

import jakarta.jms.MessageNotWriteableException;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for property names: a message selector identifier (a Java identifier that is not one
 * of the selector's reserved words), and the JMSX names a client may set.
 */
final class PropertyNames {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String GROUP_ID = "JMSXGroupID";
    static final String GROUP_SEQ = "JMSXGroupSeq";

    private static final String JMSX_PREFIX = "JMSX";

    // Selector words are case-insensitive, so "null" or "And" would be just as unusable in a selector.
    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /** Throws IllegalArgumentException unless {@code name} can be used in a selector. */
    static void checkIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))
                || !name.codePoints().allMatch(PropertyNames::isIdentifierPart)) {
            throw new IllegalArgumentException("property name '" + name + "' is not a valid identifier");
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("property name '" + name + "' is a reserved word of the selector language");
        }
    }

    // Ignorable characters (controls such as U+0000) pass isJavaIdentifierPart but cannot be typed in a selector.
    private static boolean isIdentifierPart(int codePoint) {
        return Character.isJavaIdentifierPart(codePoint) && !Character.isIdentifierIgnorable(codePoint);
    }

    /** True for JMSX names that only the provider sets: every JMSX name but the two group ones. */
    static boolean isProviderSet(String name) {
        return name.startsWith(JMSX_PREFIX) && !name.equals(GROUP_ID) && !name.equals(GROUP_SEQ);
    }

    /**
     * Refuses JMSX names a client may not set, and group values of the wrong type. The JMSX prefix is
     * reserved by the spec; hake keeps JMSXDeliveryCount (and the other provider-set names) its own.
     */
    static void checkClientSettable(String name, Object value)
            throws MessageNotWriteableException, jakarta.jms.MessageFormatException {
        if (isProviderSet(name)) {
            throw new MessageNotWriteableException("property " + name
                    + " is reserved for the provider; a client may set only the JMSX properties "
                    + GROUP_ID + " and " + GROUP_SEQ);
        }
        if (value == null) {
            return;
        }
        if (name.equals(GROUP_ID) && !(value instanceof String)) {
            throw new jakarta.jms.MessageFormatException(GROUP_ID + " must be a String, not a "
                    + TypeConversion.typeName(value));
        }
        if (name.equals(GROUP_SEQ) && !(value instanceof Integer)) {
            throw new jakarta.jms.MessageFormatException(GROUP_SEQ + " must be an int, not a "
                    + TypeConversion.typeName(value));
        }
    }
}
