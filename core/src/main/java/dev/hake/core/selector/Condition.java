package dev.hake.core.selector;

import java.math.BigDecimal;
import java.util.List;

/**
 * One entry of an attribute's array in an SNS filter policy. Each condition stands for a set of
 * single attribute values of one type: {@link Equals}, {@link Prefix} and {@link AnythingBut} for
 * String attributes, {@link Numeric} for Number attributes, {@link Exists} for any present one.
 */
interface Condition {

    /** How many values AWS counts for this entry when it adds up a policy's combinations. */
    default int weight() {
        return 1;
    }

    void appendJson(StringBuilder out);

    /** The String attribute with exactly this value. */
    record Equals(String value) implements Condition {
        @Override
        public void appendJson(StringBuilder out) {
            Json.string(out, value);
        }
    }

    /** A String attribute that starts with {@code prefix}. */
    record Prefix(String prefix) implements Condition {
        @Override
        public void appendJson(StringBuilder out) {
            out.append("{\"prefix\":");
            Json.string(out, prefix);
            out.append('}');
        }
    }

    /** A String attribute whose value is none of these (SNS: present, and not one of them). */
    record AnythingBut(List<String> values) implements Condition {
        public AnythingBut {
            values = List.copyOf(values);
        }

        @Override
        public int weight() {
            return values.size(); // AWS does not say how it counts these; counting each is the safe side
        }

        @Override
        public void appendJson(StringBuilder out) {
            out.append("{\"anything-but\":[");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",");
                Json.string(out, values.get(i));
            }
            out.append("]}");
        }
    }

    /** A Number attribute within {@code [min, max]}; a null bound is open. Bounds have at most five decimals. */
    record Numeric(BigDecimal min, BigDecimal max) implements Condition {
        public Numeric {
            min = min == null ? null : min.stripTrailingZeros();
            max = max == null ? null : max.stripTrailingZeros();
            if (min == null && max == null) {
                throw new IllegalArgumentException("a numeric condition needs a bound");
            }
        }

        @Override
        public void appendJson(StringBuilder out) {
            out.append("{\"numeric\":[");
            if (min != null && max != null && min.compareTo(max) == 0) {
                out.append("\"=\",").append(min.toPlainString());
            } else {
                if (min != null) {
                    out.append("\">=\",").append(min.toPlainString());
                }
                if (max != null) {
                    out.append(min != null ? "," : "").append("\"<=\",").append(max.toPlainString());
                }
            }
            out.append("]}");
        }
    }

    /** Any attribute of that name. */
    record Exists() implements Condition {
        static final Exists INSTANCE = new Exists();

        @Override
        public void appendJson(StringBuilder out) {
            out.append("{\"exists\":true}");
        }
    }
}
