package dev.hake.core.selector;

import java.util.function.Function;

/**
 * {@code identifier [NOT] LIKE pattern [ESCAPE c]}, for an identifier with a String value. A NULL
 * identifier makes LIKE and NOT LIKE UNKNOWN, and so does one that is not a string, as for
 * {@link InList} (where the Jakarta Messaging TCK requires it).
 */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (!(v instanceof String s)) {
            return null;
        }
        boolean matched = pattern.matches(s);
        return matched != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
