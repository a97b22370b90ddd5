package dev.hake.core.selector;

import java.util.function.Function;

/** A string, number (Long or Double), boolean or NULL literal. */
record Literal(Object value) implements Expression {

    static final Literal TRUE = new Literal(Boolean.TRUE);
    static final Literal NULL = new Literal(null);

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return value;
    }

    @Override
    public ValueType type() {
        if (value instanceof Boolean) {
            return ValueType.BOOLEAN;
        }
        if (value instanceof String) {
            return ValueType.STRING;
        }
        return value instanceof Number ? ValueType.NUMBER : ValueType.ANY;
    }
}
