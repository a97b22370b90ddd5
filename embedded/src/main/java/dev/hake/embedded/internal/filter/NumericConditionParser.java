package dev.hake.embedded.internal.filter;

import dev.hake.embedded.internal.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the operand of {@code "numeric"}: {@code ["=", 5]}, a single bound such as
 * {@code ["<", 10]}, or a range {@code [">", 0, "<=", 10]} (lower bound first, as SNS requires).
 */
final class NumericConditionParser {

    private NumericConditionParser() {
    }

    static Condition parse(String key, Object operand) {
        if (!(operand instanceof List<?> terms) || (terms.size() != 2 && terms.size() != 4)) {
            throw invalid(key, "needs [operator, number] or [lower operator, number, upper operator, number]");
        }
        String firstOperator = operator(key, terms.get(0));
        BigDecimal first = number(key, terms.get(1));
        if (terms.size() == 2) {
            return switch (firstOperator) {
                case "=" -> new Condition.ExactNumber(first);
                case ">" -> new Condition.NumericRange(first, false, null, false);
                case ">=" -> new Condition.NumericRange(first, true, null, false);
                case "<" -> new Condition.NumericRange(null, false, first, false);
                case "<=" -> new Condition.NumericRange(null, false, first, true);
                default -> throw invalid(key, "unknown operator \"" + firstOperator + "\"");
            };
        }
        String secondOperator = operator(key, terms.get(2));
        BigDecimal second = number(key, terms.get(3));
        if (!(firstOperator.equals(">") || firstOperator.equals(">="))
                || !(secondOperator.equals("<") || secondOperator.equals("<="))) {
            throw invalid(key, "a range must be a lower bound (> or >=) followed by an upper bound (< or <=)");
        }
        if (first.compareTo(second) >= 0) {
            throw invalid(key, "the lower bound " + first + " must be below the upper bound " + second);
        }
        return new Condition.NumericRange(first, firstOperator.equals(">="), second, secondOperator.equals("<="));
    }

    private static String operator(String key, Object term) {
        if (!(term instanceof String text)) {
            throw invalid(key, "expected an operator (=, <, <=, >, >=), found " + Json.write(term));
        }
        return text;
    }

    private static BigDecimal number(String key, Object term) {
        if (!(term instanceof BigDecimal number)) {
            throw invalid(key, "expected a number, found " + Json.write(term));
        }
        return number;
    }

    private static InvalidFilterPolicyException invalid(String key, String problem) {
        return FilterPolicyParser.invalid("\"" + key + "\": \"numeric\" " + problem);
    }
}
