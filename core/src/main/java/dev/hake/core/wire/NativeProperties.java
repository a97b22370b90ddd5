package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Which properties may travel as native SNS/SQS message attributes, and how their values are written
 * and read back.
 *
 * <p>A property goes native only when AWS accepts its name and value <em>and</em> an SNS filter
 * policy would judge the value exactly as a JMS selector does; otherwise a policy derived from a
 * selector could drop a message the selector accepts. So numbers go native only inside SNS's numeric
 * matching range (-10^9..10^9, at most five digits after the point), written in plain decimal
 * (SNS trims zeros, so no form that depends on them); -0.0, NaN and infinities are packed.
 */
final class NativeProperties {

    private static final BigDecimal NUMERIC_LIMIT = BigDecimal.valueOf(1_000_000_000L);
    private static final int MAX_FRACTION_DIGITS = 5;
    private static final int MAX_NAME_LENGTH = 256;

    private NativeProperties() {
    }

    /** The attribute for this property, or empty when it must be packed. */
    static Optional<EncodedAttribute> toAttribute(String name, Object value) {
        if (!isNativeName(name)) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return !s.isEmpty() && SqsText.isCarriable(s) ? Optional.of(EncodedAttribute.string(s)) : Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(EncodedAttribute.string(b.toString()));
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            // Not Math.abs: it leaves Long.MIN_VALUE negative, and so "in range".
            return v >= -NUMERIC_LIMIT.longValue() && v <= NUMERIC_LIMIT.longValue()
                    ? Optional.of(EncodedAttribute.number(Long.toString(v))) : Optional.empty();
        }
        if (value instanceof Float || value instanceof Double) {
            // A selector sees a float property as the double it widens to, so that is the value to write.
            return decimal(((Number) value).doubleValue()).map(EncodedAttribute::number);
        }
        return Optional.empty();
    }

    private static Optional<String> decimal(double d) {
        if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
            return Optional.empty();
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (exact.abs().compareTo(NUMERIC_LIMIT) > 0 || exact.scale() > MAX_FRACTION_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(exact.toPlainString());
    }

    /**
     * AWS's rule for attribute names: [A-Za-z0-9_.-], at most 256 characters, no "..", not starting
     * or ending with '.', not starting with "AWS." or "Amazon."; plus hake's reserved names.
     */
    static boolean isNativeName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || WireAttributes.isReserved(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".") && !name.contains("..")
                && !lower.startsWith("aws.") && !lower.startsWith("amazon.");
    }

    /** Reads back a native attribute that the hake attribute says holds a property of {@code type}. */
    static Object fromAttribute(String name, PropertyType type, EncodedAttribute attribute) {
        if (attribute.stringValue() == null || !attribute.baseType().equals(type.attributeType())) {
            throw new WireFormatException("attribute '" + name + "' should be a " + type.attributeType()
                    + " holding a " + type + " property but is a " + attribute.dataType());
        }
        String s = attribute.stringValue();
        try {
            return switch (type) {
                case STRING -> s;
                case BOOLEAN -> parseBoolean(name, s);
                case BYTE -> (byte) integral(name, s, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case SHORT -> (short) integral(name, s, Short.MIN_VALUE, Short.MAX_VALUE);
                case INT -> (int) integral(name, s, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case LONG -> integral(name, s, Long.MIN_VALUE, Long.MAX_VALUE);
                // The decimal is the float widened to double; narrowing that double gives the float back.
                case FLOAT -> (float) decimalDouble(s);
                case DOUBLE -> decimalDouble(s);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new WireFormatException("attribute '" + name + "' does not hold a " + type + " value", e);
        }
    }

    private static Boolean parseBoolean(String name, String s) {
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        throw new WireFormatException("attribute '" + name + "' holds a BOOLEAN property but is neither true nor false");
    }

    /** Only decimal notation: Double.parseDouble alone would also take "NaN", hex and a trailing "d". */
    private static double decimalDouble(String s) {
        new BigDecimal(s);
        return Double.parseDouble(s);
    }

    /** Parsed as a decimal so that "5", "5.0" and "5E0" (what SNS may make of a number) all read as 5. */
    private static long integral(String name, String s, long min, long max) {
        long v = new BigDecimal(s).longValueExact();
        if (v < min || v > max) {
            throw new WireFormatException("attribute '" + name + "' is out of range for its type");
        }
        return v;
    }
}
