package dev.hake.jms.message;

/** Which Java types a property, or a MapMessage/StreamMessage value, may hold. */
final class ValueTypes {

    private ValueTypes() {
    }

    /** Boolean, Byte, Short, Integer, Long, Float, Double or String: what a property may hold. */
    static boolean isPropertyValue(Object value) {
        return value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }

    /** A property type, Character or byte[]: what a MapMessage or StreamMessage may hold. */
    static boolean isBodyValue(Object value) {
        return isPropertyValue(value) || value instanceof Character || value instanceof byte[];
    }

    /** Arrays are the only mutable body values; the spec wants them copied in and out. */
    static Object copy(Object value) {
        return value instanceof byte[] b ? b.clone() : value;
    }
}
