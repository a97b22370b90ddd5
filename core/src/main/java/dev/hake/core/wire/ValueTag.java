package dev.hake.core.wire;

/**
 * The type byte in front of every value in hake's binary encodings (MAP and STREAM bodies, packed
 * properties). The numbers are part of the wire format: never renumber, only add.
 */
final class ValueTag {
    static final int NULL = 0;
    /** One byte, 0 or 1. */
    static final int BOOLEAN = 1;
    static final int BYTE = 2;
    /** Two bytes, big-endian, as every fixed-width number below. */
    static final int SHORT = 3;
    /** One UTF-16 unit, two bytes. */
    static final int CHAR = 4;
    static final int INT = 5;
    static final int LONG = 6;
    /** The raw IEEE 754 bits, so that NaN payloads and -0.0 survive. */
    static final int FLOAT = 7;
    static final int DOUBLE = 8;
    /** A length in bytes (varint), then UTF-8. Used for every string that UTF-8 can hold. */
    static final int STRING_UTF8 = 9;
    /** A length in UTF-16 units (varint), then two bytes each: strings with unpaired surrogates. */
    static final int STRING_UTF16 = 10;
    /** A length (varint), then the bytes. */
    static final int BYTES = 11;

    private ValueTag() {
    }
}
