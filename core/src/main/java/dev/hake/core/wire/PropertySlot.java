package dev.hake.core.wire;

/**
 * One entry of the {@code n} field of the hake attribute, in property order: a property sent as the
 * native attribute {@code name} with Java type {@code type}, or {@link #PACKED}, which stands for
 * the next property of the packed block.
 */
record PropertySlot(PropertyType type, String name) {

    static final PropertySlot PACKED = new PropertySlot(null, null);

    static PropertySlot nativeAttribute(PropertyType type, String name) {
        return new PropertySlot(type, name);
    }

    boolean isPacked() {
        return type == null;
    }
}
