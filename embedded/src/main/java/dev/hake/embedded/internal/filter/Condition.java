package dev.hake.embedded.internal.filter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One match condition of a filter policy, from one element of a key's array. A key matches if
 * any of its conditions does.
 */
sealed interface Condition {

    /**
     * Whether the attribute's values satisfy this condition.
     *
     * @param values the attribute's candidate values, or null if the message lacks the attribute
     */
    boolean matches(List<Candidate> values);

    /** A condition on a value that is there; an absent attribute never satisfies it. */
    sealed interface OnValue extends Condition {

        boolean test(Candidate value);

        @Override
        default boolean matches(List<Candidate> values) {
            return values != null && values.stream().anyMatch(this::test);
        }
    }

    /** {@code "text"}: the text is exactly this. */
    record ExactText(String expected) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return expected.equals(value.text());
        }
    }

    /** {@code 5} or {@code {"numeric": ["=", 5]}}: the number equals this one (5 = 5.0). */
    record ExactNumber(BigDecimal expected) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return value.number() != null && value.number().compareTo(expected) == 0;
        }
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}}; a null bound is open. */
    record NumericRange(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
            implements OnValue {
        @Override
        public boolean test(Candidate value) {
            BigDecimal number = value.number();
            if (number == null) {
                return false;
            }
            boolean aboveLower = lower == null || (lowerInclusive ? number.compareTo(lower) >= 0 : number.compareTo(lower) > 0);
            boolean belowUpper = upper == null || (upperInclusive ? number.compareTo(upper) <= 0 : number.compareTo(upper) < 0);
            return aboveLower && belowUpper;
        }
    }

    /** {@code {"prefix": "abc"}}. */
    record Prefix(String prefix) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return value.text() != null && value.text().startsWith(prefix);
        }
    }

    /** {@code {"suffix": "xyz"}}. */
    record Suffix(String suffix) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return value.text() != null && value.text().endsWith(suffix);
        }
    }

    /** {@code {"equals-ignore-case": "Abc"}}. */
    record EqualsIgnoreCase(String expected) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return value.text() != null
                    && value.text().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code {"anything-but": ...}}: the attribute is there and none of these match its value. */
    record AnythingBut(List<OnValue> excluded) implements OnValue {
        @Override
        public boolean test(Candidate value) {
            return excluded.stream().noneMatch(condition -> condition.test(value));
        }
    }

    /** {@code {"exists": true}} or {@code {"exists": false}}. */
    record Exists(boolean expected) implements Condition {
        @Override
        public boolean matches(List<Candidate> values) {
            return (values != null) == expected;
        }
    }
}
