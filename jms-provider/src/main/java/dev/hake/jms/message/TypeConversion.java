package dev.hake.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The value conversion table of the Jakarta Messaging spec: section 3.5.4 for properties and 3.11.3
 * for MapMessage and StreamMessage bodies (the same table, plus char and byte[], which properties
 * never hold). A value stored as one type can be read as another only where the table allows;
 * otherwise {@link MessageFormatException}. Strings convert with the target type's
 * {@code valueOf(String)} rules, so a bad string throws {@link NumberFormatException}, and a
 * missing (null) value reads as {@code valueOf(null)} would: false, NumberFormatException or, for
 * float, double and char, NullPointerException.
 */
final class TypeConversion {

    private TypeConversion() {
    }

    static boolean toBoolean(Object value) throws MessageFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Boolean.parseBoolean((String) value);
        }
        throw cannotConvert(value, "boolean");
    }

    static byte toByte(Object value) throws MessageFormatException {
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Byte.parseByte((String) value);
        }
        throw cannotConvert(value, "byte");
    }

    static short toShort(Object value) throws MessageFormatException {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).shortValue();
        }
        if (value == null || value instanceof String) {
            return Short.parseShort((String) value);
        }
        throw cannotConvert(value, "short");
    }

    static char toChar(Object value) throws MessageFormatException {
        if (value instanceof Character c) {
            return c;
        }
        if (value == null) {
            // The spec: char has no String conversion, so a null read as char is a NullPointerException.
            throw new NullPointerException("the value is null and cannot be read as a char");
        }
        throw cannotConvert(value, "char");
    }

    static int toInt(Object value) throws MessageFormatException {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value == null || value instanceof String) {
            return Integer.parseInt((String) value);
        }
        throw cannotConvert(value, "int");
    }

    static long toLong(Object value) throws MessageFormatException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String) {
            return Long.parseLong((String) value);
        }
        throw cannotConvert(value, "long");
    }

    static float toFloat(Object value) throws MessageFormatException {
        if (value instanceof Float f) {
            return f;
        }
        if (value == null || value instanceof String) {
            return Float.parseFloat((String) value);
        }
        throw cannotConvert(value, "float");
    }

    static double toDouble(Object value) throws MessageFormatException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value == null || value instanceof String) {
            return Double.parseDouble((String) value);
        }
        throw cannotConvert(value, "double");
    }

    /** Every type but byte[] reads as its {@code toString()}; null stays null. */
    static String toText(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            throw cannotConvert(value, "String");
        }
        return value.toString();
    }

    /** Only a byte[] reads as byte[]; the caller gets its own copy. */
    static byte[] toBytes(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return b.clone();
        }
        throw cannotConvert(value, "byte[]");
    }

    /** Names the stored type, never the value: values may hold secrets. */
    private static MessageFormatException cannotConvert(Object value, String target) {
        return new MessageFormatException("a " + typeName(value) + " value cannot be read as " + target);
    }

    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
