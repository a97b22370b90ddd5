package dev.hake.core.selector;

import java.util.function.Function;

/** NOT: TRUE and FALSE swap, UNKNOWN stays UNKNOWN. */
record Not(Expression operand) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = operand.evaluate(identifiers);
        // A non-boolean property used as a condition is UNKNOWN, like a missing one.
        return v instanceof Boolean b ? Boolean.valueOf(!b) : null;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
