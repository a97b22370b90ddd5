package dev.hake.core.selector;

import java.util.function.Function;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated exactly as the specification's equivalents
 * {@code value >= low AND value <= high} and {@code value < low OR value > high}. So a string
 * value makes both forms FALSE.
 */
record Between(Expression value, Expression low, Expression high, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = value.evaluate(identifiers);
        Object lo = low.evaluate(identifiers);
        Object hi = high.evaluate(identifiers);
        if (negated) {
            return or(Comparison.test(ComparisonOperator.LESS, v, lo), Comparison.test(ComparisonOperator.GREATER, v, hi));
        }
        return and(Comparison.test(ComparisonOperator.GREATER_OR_EQUAL, v, lo),
                Comparison.test(ComparisonOperator.LESS_OR_EQUAL, v, hi));
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return Boolean.FALSE;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return Boolean.TRUE;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }
}
