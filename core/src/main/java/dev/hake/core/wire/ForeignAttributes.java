package dev.hake.core.wire;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Properties from attributes hake did not write (a plain SQS or SNS message from a non-JMS
 * producer). String attributes become String properties. Number attributes become Long when the
 * value is a whole number within long range, else Double, because nothing says which Java type the
 * sender meant and those two hold every value losslessly or nearly so. Binary attributes are skipped:
 * a JMS property cannot be a byte[].
 */
final class ForeignAttributes {

    private ForeignAttributes() {
    }

    static Optional<Object> toProperty(EncodedAttribute attribute) {
        if (attribute.stringValue() == null) {
            return Optional.empty();
        }
        return switch (attribute.baseType()) {
            case EncodedAttribute.STRING -> Optional.of(attribute.stringValue());
            case EncodedAttribute.NUMBER -> Optional.of(number(attribute.stringValue()));
            default -> Optional.empty();
        };
    }

    /** A Number AWS accepted but Java cannot parse is kept as its text rather than lost. */
    private static Object number(String s) {
        BigDecimal d;
        try {
            d = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException notWholeOrTooBig) {
            return d.doubleValue();
        }
    }
}
