package dev.hake.core.selector;

import java.util.function.Function;

/** {@code identifier IS [NOT] NULL}: never UNKNOWN. */
record IsNull(Identifier identifier, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return (identifier.evaluate(identifiers) == null) != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
