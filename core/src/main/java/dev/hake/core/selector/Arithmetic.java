package dev.hake.core.selector;

import java.util.List;
import java.util.function.Function;

/**
 * A left-associative chain of + and - (or of * and /): {@code operands[0] op[0] operands[1] ...}.
 * One node per chain keeps {@code 1+1+...+1} from nesting deeply. A NULL or non-numeric operand
 * makes the result UNKNOWN (null), as does integral division by zero.
 */
record Arithmetic(List<Expression> operands, String operators) implements Expression {

    Arithmetic {
        operands = List.copyOf(operands);
        if (operators.length() != operands.size() - 1) {
            throw new IllegalArgumentException("one operator between each two operands");
        }
    }

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        Object first = operands.get(0).evaluate(identifiers);
        if (!Numbers.isNumber(first)) {
            return null;
        }
        Number result = (Number) first;
        for (int i = 1; i < operands.size(); i++) {
            Object next = operands.get(i).evaluate(identifiers);
            if (!Numbers.isNumber(next)) {
                return null;
            }
            result = Numbers.apply(operators.charAt(i - 1), result, (Number) next);
            if (result == null) {
                return null;
            }
        }
        return result;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }
}
