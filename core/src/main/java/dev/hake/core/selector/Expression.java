package dev.hake.core.selector;

import java.util.function.Function;

/**
 * A node of a parsed selector. Evaluation follows SQL three-valued logic: a condition yields
 * Boolean.TRUE, Boolean.FALSE or null for UNKNOWN; a value yields a Boolean, Number or String, or
 * null when it is missing or cannot be computed.
 */
interface Expression {

    /** The value of this node for one message whose identifiers {@code identifiers} looks up. */
    Object evaluate(Function<String, Object> identifiers);

    /** The type the parser can tell without a message. */
    ValueType type();
}
