package dev.hake.core.selector;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}. The specification defines IN as
 * {@code (x = 'a') OR (x = 'b') ...} and NOT IN as the NOT of that; so a NULL identifier is
 * UNKNOWN, and one that is not a string (for which each {@code =} is FALSE) makes IN FALSE and
 * NOT IN TRUE.
 */
record InList(Identifier identifier, Set<String> values, boolean negated) implements Expression {

    InList {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values)); // ordered, for stable policies
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (v == null) {
            return null;
        }
        boolean found = v instanceof String && values.contains(v);
        return found != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
