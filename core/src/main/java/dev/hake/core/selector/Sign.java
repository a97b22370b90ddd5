package dev.hake.core.selector;

import java.util.function.Function;

/** Unary minus or plus on something that is not a literal (a negative literal is folded when parsed). */
record Sign(boolean negate, Expression operand) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = operand.evaluate(identifiers);
        if (!Numbers.isNumber(v)) {
            return null;
        }
        return negate ? Numbers.negate((Number) v) : Numbers.promote((Number) v);
    }

    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }
}
