package dev.hake.core.selector;

import java.util.function.Function;

/**
 * {@code identifier [NOT] LIKE pattern [ESCAPE c]}. A NULL identifier is UNKNOWN. LIKE is a
 * comparison, so a value that is not a string makes it FALSE (as comparing unlike types is), and
 * NOT LIKE is read as NOT (LIKE), as the specification defines NOT IN: TRUE for such a value.
 */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object v = identifier.evaluate(identifiers);
        if (v == null) {
            return null;
        }
        boolean matched = v instanceof String s && pattern.matches(s);
        return matched != negated;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
