package dev.hake.core;

/** The body a message carries; each JMS message type has one. */
public enum BodyKind {
    /** A plain Message: headers and properties only. */
    NONE,
    /** Text, possibly null. */
    TEXT,
    /** An uninterpreted byte array. */
    BYTES,
    /** Name/value pairs of primitive, String and byte[] values. */
    MAP,
    /** A sequence of primitive, String and byte[] values. */
    STREAM,
    /** A Java-serialised object, held in its serialised form. */
    OBJECT
}
