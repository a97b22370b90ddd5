package dev.hake.core.selector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives from a selector expression a {@link Term} over native attributes that holds for every
 * message (without packed properties) on which the expression is TRUE. Each node is translated two
 * ways, for TRUE and for FALSE, and NOT swaps them: that is how three-valued negation stays sound,
 * since NOT e is TRUE exactly when e is FALSE, not whenever e is "not TRUE".
 *
 * <p>What the translation relies on, for a message whose properties all travel natively: a present
 * String or Boolean property is a String attribute holding the string or "true"/"false"; a present
 * number is a Number attribute; a missing property has no attribute. The converse does not hold (a
 * foreign message may carry a String.Array attribute that is no property), so a missing property is
 * never turned into {"exists": false}.
 */
final class PolicyDerivation {

    private PolicyDerivation() {
    }

    /** A term true of every message on which {@code e} is TRUE. */
    static Term whenTrue(Expression e) {
        return derive(e, true);
    }

    private static Term derive(Expression e, boolean wantTrue) {
        if (e instanceof Literal literal) {
            // TRUE, FALSE, or NULL (never TRUE nor FALSE).
            return Boolean.valueOf(wantTrue).equals(literal.value()) ? Term.Constant.ALL : Term.Constant.NONE;
        }
        if (e instanceof Identifier id) {
            return Terms.test(id.name(), List.of(new Condition.Equals(Boolean.toString(wantTrue))));
        }
        if (e instanceof Not not) {
            return derive(not.operand(), !wantTrue);
        }
        if (e instanceof Junction junction) {
            List<Term> parts = new ArrayList<>(junction.operands().size());
            for (Expression operand : junction.operands()) {
                parts.add(derive(operand, wantTrue));
            }
            // TRUE of AND and FALSE of OR need every part; TRUE of OR and FALSE of AND need one.
            return junction.isAnd() == wantTrue ? Terms.and(parts) : Terms.or(parts);
        }
        if (e instanceof Comparison c) {
            return comparison(c, wantTrue);
        }
        if (e instanceof Between b) {
            return between(b, wantTrue);
        }
        if (e instanceof InList in) {
            return wantTrue != in.negated()
                    ? Terms.test(in.identifier().name(), in.values().stream().<Condition>map(Condition.Equals::new).toList())
                    : Terms.exists(in.identifier().name());
        }
        if (e instanceof Like like) {
            return wantTrue != like.negated() ? likeTerm(like) : Terms.exists(like.identifier().name());
        }
        if (e instanceof IsNull isNull) {
            // IS NULL TRUE (or IS NOT NULL FALSE) means missing, which a policy cannot safely test.
            return wantTrue == isNull.negated() ? Terms.exists(isNull.identifier().name()) : Term.Constant.ALL;
        }
        return Term.Constant.ALL;
    }

    /**
     * Both TRUE and FALSE need every operand to have a value; beyond that, TRUE of
     * {@code property op literal} is translated where SNS can express it.
     */
    private static Term comparison(Comparison c, boolean wantTrue) {
        Term present = Terms.and(List.of(presence(c.left()), presence(c.right())));
        if (!wantTrue || present == Term.Constant.NONE) {
            return present;
        }
        ComparisonOperator op = c.op();
        Expression property = c.left();
        Expression other = c.right();
        if (c.left() instanceof Literal) {
            op = op.swapped();
            property = c.right();
            other = c.left();
        }
        if (!(property instanceof Identifier id) || !(other instanceof Literal literal)) {
            return present;
        }
        Object value = literal.value();
        if (value instanceof String s) {
            // Only a String property equals a string; <> is TRUE only for a String property too.
            Condition condition = op == ComparisonOperator.EQUAL
                    ? new Condition.Equals(s) : new Condition.AnythingBut(List.of(s));
            return op.isEquality() ? Terms.test(id.name(), List.of(condition)) : present;
        }
        if (value instanceof Boolean b && op.isEquality()) {
            // Booleans travel as "true"/"false"; x <> TRUE is TRUE only when x is the boolean false.
            return Terms.test(id.name(), List.of(new Condition.Equals(Boolean.toString(b == (op == ComparisonOperator.EQUAL)))));
        }
        if (value instanceof Number n && op != ComparisonOperator.NOT_EQUAL) {
            return numeric(id, op, n).orElse(present);
        }
        return present;
    }

    /** {@code id op n} for =, <, <=, >, >=: an inclusive range, or empty when beyond SNS's range. */
    private static Optional<Term> numeric(Identifier id, ComparisonOperator op, Number n) {
        boolean hasMin = op != ComparisonOperator.LESS && op != ComparisonOperator.LESS_OR_EQUAL;
        boolean hasMax = op != ComparisonOperator.GREATER && op != ComparisonOperator.GREATER_OR_EQUAL;
        Optional<BigDecimal> min = hasMin ? NumericBounds.lower(n) : Optional.empty();
        Optional<BigDecimal> max = hasMax ? NumericBounds.upper(n) : Optional.empty();
        if ((hasMin && min.isEmpty()) || (hasMax && max.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(Terms.test(id.name(), List.of(new Condition.Numeric(min.orElse(null), max.orElse(null)))));
    }

    private static Term between(Between b, boolean wantTrue) {
        Term present = Terms.and(List.of(presence(b.value()), presence(b.low()), presence(b.high())));
        if (!wantTrue || present == Term.Constant.NONE || !(b.value() instanceof Identifier id)
                || !(b.low() instanceof Literal low && low.value() instanceof Number lo)
                || !(b.high() instanceof Literal high && high.value() instanceof Number hi)) {
            return present;
        }
        if (!b.negated()) {
            Optional<BigDecimal> min = NumericBounds.lower(lo);
            Optional<BigDecimal> max = NumericBounds.upper(hi);
            if (min.isEmpty() || max.isEmpty()) {
                return present;
            }
            // An empty range: never TRUE.
            return min.get().compareTo(max.get()) > 0 ? Term.Constant.NONE
                    : Terms.test(id.name(), List.of(new Condition.Numeric(min.get(), max.get())));
        }
        // NOT BETWEEN is x < lo OR x > hi.
        Optional<BigDecimal> below = NumericBounds.upper(lo);
        Optional<BigDecimal> above = NumericBounds.lower(hi);
        if (below.isEmpty() || above.isEmpty()) {
            return present;
        }
        return Terms.test(id.name(), List.of(new Condition.Numeric(null, below.get()), new Condition.Numeric(above.get(), null)));
    }

    /** TRUE of LIKE: the exact string when there is no wildcard, else a prefix when there is one. */
    private static Term likeTerm(Like like) {
        String name = like.identifier().name();
        LikePattern pattern = like.pattern();
        String prefix = pattern.literalPrefix();
        if (!pattern.hasWildcards()) {
            return Terms.test(name, List.of(new Condition.Equals(prefix)));
        }
        return prefix.isEmpty() ? Terms.exists(name) : Terms.test(name, List.of(new Condition.Prefix(prefix)));
    }

    /**
     * What a value operand needs in order to be non-NULL, which any comparison needs to be TRUE or
     * FALSE: each property in it present. NONE when it contains the NULL literal. ALL for a nested
     * condition, which can be TRUE with properties missing ({@code x IS NULL}).
     */
    private static Term presence(Expression e) {
        if (e instanceof Identifier id) {
            return Terms.exists(id.name());
        }
        if (e instanceof Literal literal) {
            return literal.value() == null ? Term.Constant.NONE : Term.Constant.ALL;
        }
        if (e instanceof Sign sign) {
            return presence(sign.operand());
        }
        if (e instanceof Arithmetic arithmetic) {
            List<Term> parts = new ArrayList<>(arithmetic.operands().size());
            for (Expression operand : arithmetic.operands()) {
                parts.add(presence(operand));
            }
            return Terms.and(parts);
        }
        return Term.Constant.ALL;
    }
}
