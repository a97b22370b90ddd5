package dev.hake.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One SNS/SQS message attribute as the wire carries it: a data type ({@code String}, {@code Number},
 * {@code Binary}, possibly with a custom label such as {@code Number.int}) and either a string or a
 * binary value.
 */
public record EncodedAttribute(String dataType, String stringValue, byte[] binaryValue) {

    public static final String STRING = "String";
    public static final String NUMBER = "Number";
    public static final String BINARY = "Binary";

    public EncodedAttribute {
        Objects.requireNonNull(dataType, "dataType");
        if ((stringValue == null) == (binaryValue == null)) {
            throw new IllegalArgumentException("an attribute has exactly one of a string and a binary value");
        }
    }

    public static EncodedAttribute string(String value) {
        return new EncodedAttribute(STRING, value, null);
    }

    public static EncodedAttribute number(String value) {
        return new EncodedAttribute(NUMBER, value, null);
    }

    public static EncodedAttribute binary(byte[] value) {
        return new EncodedAttribute(BINARY, null, value);
    }

    /** The logical type without a custom label: {@code Number.int} is a {@code Number}. */
    public String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** Bytes this attribute adds to the message size, not counting its name: type plus value. */
    public long sizeBytes() {
        long value = stringValue != null ? SqsText.utf8Length(stringValue) : binaryValue.length;
        return dataType.getBytes(StandardCharsets.UTF_8).length + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedAttribute a && dataType.equals(a.dataType)
                && Objects.equals(stringValue, a.stringValue) && Arrays.equals(binaryValue, a.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
    }

    @Override
    public String toString() {
        // Values may be user data or secrets; show only their shape.
        return "EncodedAttribute[" + dataType + ", " + sizeBytes() + " bytes]";
    }
}
