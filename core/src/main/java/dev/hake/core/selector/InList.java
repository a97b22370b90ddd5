package dev.hake.core.selector;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}, for an identifier with a String value. A NULL
 * identifier makes both IN and NOT IN UNKNOWN, as the specification says; so does one that is not
 * a string, as the Jakarta Messaging TCK requires (a message whose property is an int does not
 * match {@code prop NOT IN ('a')}).
 */
record InList(Identifier identifier, Set<String> values, boolean negated) implements Expression {

    InList {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values)); // ordered, for stable policies
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (!(v instanceof String)) {
            return null;
        }
        boolean found = values.contains(v);
        return found != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
