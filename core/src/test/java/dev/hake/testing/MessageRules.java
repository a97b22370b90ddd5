package dev.hake.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What SQS refuses in a message, checked as AWS checks it, so that a message the core should never
 * send fails here as it would on AWS: an empty body, characters outside XML 1.0, more than ten
 * message attributes, a malformed attribute, more than 1 MiB (256 KiB for SNS) counted as AWS counts (body, and each
 * attribute's name, type and value), a delay outside 0 to 900 seconds.
 */
final class MessageRules {

    /** SQS's limit since 2025-08-04. */
    static final int MAX_BYTES = 1_048_576;
    /** SNS's. */
    static final int SNS_MAX_BYTES = 262_144;
    static final int MAX_ATTRIBUTES = 10;
    static final int MAX_DELAY_SECONDS = 900;

    private MessageRules() {
    }

    /** Why SQS would refuse this message, or null if it takes it. */
    static AwsFailures.Refusal check(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds) {
        return check(body, attributes, delaySeconds, MAX_BYTES);
    }

    /** As {@link #check(String, Map, Integer)}, for a service whose limit is {@code maxBytes}. */
    static AwsFailures.Refusal check(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds,
                                     int maxBytes) {
        if (body == null || body.isEmpty()) {
            return new AwsFailures.Refusal("MissingParameter", "The request must contain the parameter MessageBody.");
        }
        if (!isXmlText(body)) {
            return new AwsFailures.Refusal("InvalidMessageContents", "Invalid characters found in the message body.");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            return new AwsFailures.Refusal("InvalidParameterValue", "Number of message attributes ["
                    + attributes.size() + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            String problem = attributeProblem(a.getValue());
            if (problem != null) {
                return new AwsFailures.Refusal("InvalidParameterValue",
                        "Message attribute '" + a.getKey() + "' " + problem);
            }
        }
        if (bytes(body, attributes) > maxBytes) {
            return new AwsFailures.Refusal("InvalidParameterValue",
                    "One or more parameters are invalid. Reason: Message must be shorter than " + maxBytes + " bytes.");
        }
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS)) {
            return new AwsFailures.Refusal("InvalidParameterValue", "Value " + delaySeconds
                    + " for parameter DelaySeconds is invalid. Reason: must be between 0 and " + MAX_DELAY_SECONDS + ".");
        }
        return null;
    }

    /** The size AWS counts: the body's UTF-8 bytes and each attribute's name, data type and value. */
    static long bytes(String body, Map<String, MessageAttributeValue> attributes) {
        long total = utf8(body);
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            MessageAttributeValue v = a.getValue();
            total += utf8(a.getKey()) + utf8(v.dataType());
            total += v.stringValue() != null ? utf8(v.stringValue())
                    : v.binaryValue() != null ? v.binaryValue().asByteArray().length : 0;
        }
        return total;
    }

    private static String attributeProblem(MessageAttributeValue v) {
        String type = v.dataType();
        if (type == null || !(type.startsWith("String") || type.startsWith("Number") || type.startsWith("Binary"))) {
            return "has an invalid data type '" + type + "'";
        }
        if (type.startsWith("Binary")) {
            return v.binaryValue() == null ? "must have a binary value" : null;
        }
        if (v.stringValue() == null || v.stringValue().isEmpty()) {
            return "must have a non-empty string value";
        }
        if (!isXmlText(v.stringValue())) {
            return "contains invalid characters";
        }
        if (type.startsWith("Number")) {
            try {
                new java.math.BigDecimal(v.stringValue().trim());
            } catch (NumberFormatException e) {
                return "is not a number: '" + v.stringValue() + "'";
            }
        }
        return null;
    }

    /** Every code point in #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF. */
    static boolean isXmlText(String s) {
        return s.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
