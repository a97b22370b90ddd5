package dev.hake.core.selector;

import java.util.List;
import java.util.function.Function;

/**
 * AND or OR over any number of operands. Chains such as {@code a AND b AND c} become one node, so
 * that a long chain makes a wide tree rather than a deep one that evaluation would recurse down.
 */
record Junction(boolean isAnd, List<Expression> operands) implements Expression {

    Junction {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        // AND: any FALSE decides; OR: any TRUE decides; otherwise any UNKNOWN makes UNKNOWN.
        Boolean decisive = !isAnd;
        boolean unknown = false;
        for (Expression operand : operands) {
            Object v = operand.evaluate(identifiers);
            if (decisive.equals(v)) {
                return decisive;
            }
            unknown |= !(v instanceof Boolean);
        }
        return unknown ? null : Boolean.valueOf(isAnd);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
