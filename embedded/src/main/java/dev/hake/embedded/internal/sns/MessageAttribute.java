package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.Json;
import dev.hake.embedded.internal.filter.FilterAttribute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One SNS message attribute, validated as SNS validates it at Publish.
 *
 * @param dataType    String, Number, Binary or String.Array, optionally with a custom suffix
 *                    ({@code Number.int}); String.Array takes none
 * @param stringValue the value of String, Number and String.Array attributes, else null
 * @param binaryValue the value of Binary attributes, else null
 */
record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    static final String STRING_ARRAY = "String.Array";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    /** The data type without its custom suffix: String, Number, Binary, or String.Array. */
    String baseType() {
        if (dataType.equals(STRING_ARRAY)) {
            return STRING_ARRAY;
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** Bytes this attribute adds to the message size that SNS limits: name, type and value. */
    int size(String name) {
        int valueSize = binaryValue != null ? binaryValue.length : stringValue.getBytes(StandardCharsets.UTF_8).length;
        return name.getBytes(StandardCharsets.UTF_8).length + dataType.getBytes(StandardCharsets.UTF_8).length + valueSize;
    }

    /** How filter policies see this attribute; null for Binary, which they ignore. */
    FilterAttribute forFilter() {
        return switch (baseType()) {
            case "String" -> FilterAttribute.string(stringValue);
            case "Number" -> FilterAttribute.number(stringValue);
            case STRING_ARRAY -> FilterAttribute.stringArray(stringValue);
            default -> null;
        };
    }

    /** The value as the JSON notification envelope carries it: text, or Base64 for Binary. */
    String envelopeValue() {
        return binaryValue != null ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    /**
     * Builds and checks an attribute from the Query parameters of one {@code MessageAttributes.entry.N}.
     *
     * @throws SnsError ParameterValueInvalid, with SNS's wording, if it is not valid
     */
    static MessageAttribute of(String name, String dataType, String stringValue, String binaryBase64) {
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw SnsError.invalidParameterValue("The message attribute name '" + name + "' is invalid: use up to 256"
                    + " letters, digits, '_', '-' and '.', without a leading, trailing or doubled '.'");
        }
        if (dataType == null || dataType.isEmpty()) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute type.");
        }
        MessageAttribute attribute;
        String base = new MessageAttribute(dataType, "", null).baseType();
        switch (base) {
            case "String", "Number", STRING_ARRAY -> {
                if (stringValue == null) {
                    throw missingValue(name, dataType);
                }
                attribute = new MessageAttribute(dataType, stringValue, null);
            }
            case "Binary" -> {
                if (binaryBase64 == null) {
                    throw missingValue(name, dataType);
                }
                attribute = new MessageAttribute(dataType, null, decode(name, binaryBase64));
            }
            default -> throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid"
                    + " message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        if (base.equals("Number")) {
            checkNumber(name, stringValue);
        } else if (base.equals(STRING_ARRAY)) {
            checkArray(name, stringValue);
        }
        return attribute;
    }

    private static SnsError missingValue(String name, String dataType) {
        return SnsError.invalidParameterValue("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + dataType + "'.");
    }

    private static byte[] decode(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SnsError.invalidParameterValue("The message attribute '" + name + "' has a BinaryValue that is not Base64.");
        }
    }

    private static void checkNumber(String name, String value) {
        try {
            new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw SnsError.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
        }
    }

    private static void checkArray(String name, String value) {
        boolean isArray;
        try {
            isArray = Json.parse(value) instanceof List<?>;
        } catch (IllegalArgumentException e) {
            isArray = false;
        }
        if (!isArray) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' with type 'String.Array' must hold a JSON array.");
        }
    }
}
