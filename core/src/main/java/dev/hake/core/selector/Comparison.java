package dev.hake.core.selector;

import java.util.function.Function;

/**
 * {@code left op right}. Per the specification, only like types compare (exact and approximate
 * numbers being alike); comparing unlike types is FALSE, and strings and booleans only support
 * {@code =} and {@code <>}. A NULL operand makes the comparison UNKNOWN.
 */
record Comparison(ComparisonOperator op, Expression left, Expression right) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return test(op, left.evaluate(identifiers), right.evaluate(identifiers));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }

    /** The three-valued result of comparing two evaluated values. */
    static Boolean test(ComparisonOperator op, Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (Numbers.isNumber(l) && Numbers.isNumber(r)) {
            return Numbers.compare(op, (Number) l, (Number) r);
        }
        boolean alike = (l instanceof String && r instanceof String) || (l instanceof Boolean && r instanceof Boolean);
        if (!alike || !op.isEquality()) {
            return Boolean.FALSE;
        }
        return l.equals(r) == (op == ComparisonOperator.EQUAL);
    }
}
