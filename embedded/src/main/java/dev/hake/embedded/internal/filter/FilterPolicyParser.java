package dev.hake.embedded.internal.filter;

import dev.hake.embedded.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns filter policy JSON into {@link FilterPolicy.Clause}s, refusing, with a message that names
 * it, anything it does not understand: a condition silently ignored would let every message through.
 */
final class FilterPolicyParser {

    static final int MAX_POLICY_BYTES = 256 * 1024;

    private static final String OR = "$or";
    private static final Set<String> SUPPORTED_OPERATORS =
            Set.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists");

    FilterPolicy.Clause parse(String json) {
        if (json.length() > MAX_POLICY_BYTES) {
            throw invalid("Filter policy is larger than " + MAX_POLICY_BYTES + " bytes");
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw invalid("failed to parse JSON. " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> object) || object.isEmpty()) {
            throw invalid("Filter policy must be a non-empty JSON object");
        }
        FilterPolicy.Clause root = clause(object);
        FilterPolicyLimits.check(root);
        return root;
    }

    private FilterPolicy.Clause clause(Map<?, ?> object) {
        Map<String, List<Condition>> keys = new LinkedHashMap<>();
        List<List<FilterPolicy.Clause>> alternatives = new ArrayList<>();
        for (Map.Entry<?, ?> member : object.entrySet()) {
            String key = String.valueOf(member.getKey());
            if (OR.equals(key)) {
                alternatives.add(alternatives(member.getValue()));
            } else {
                keys.put(key, conditions(key, member.getValue()));
            }
        }
        return new FilterPolicy.Clause(keys, alternatives);
    }

    private List<FilterPolicy.Clause> alternatives(Object value) {
        if (!(value instanceof List<?> list) || list.size() < 2) {
            throw invalid("\"$or\" must be an array of at least two JSON objects");
        }
        List<FilterPolicy.Clause> clauses = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> object) || object.isEmpty()) {
                throw invalid("\"$or\" must be an array of at least two non-empty JSON objects");
            }
            clauses.add(clause(object));
        }
        return clauses;
    }

    private List<Condition> conditions(String key, Object value) {
        if (value instanceof Map<?, ?>) {
            throw invalid("\"" + key + "\" is a nested object; with FilterPolicyScope MessageAttributes"
                    + " each key needs an array of match conditions");
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("\"" + key + "\" must be an array of match conditions");
        }
        if (list.isEmpty()) {
            throw invalid("\"" + key + "\" has an empty array of match conditions");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Object element : list) {
            conditions.add(condition(key, element));
        }
        return conditions;
    }

    private Condition condition(String key, Object element) {
        if (element instanceof String text) {
            return new Condition.ExactText(text);
        }
        if (element instanceof BigDecimal number) {
            return new Condition.ExactNumber(number);
        }
        if (element instanceof Map<?, ?> object) {
            return operator(key, object);
        }
        throw invalid("\"" + key + "\": match value " + Json.write(element)
                + " is not supported; use a string, a number or an operator object");
    }

    private Condition operator(String key, Map<?, ?> object) {
        if (object.size() != 1) {
            throw invalid("\"" + key + "\": an operator object must hold exactly one operator, found "
                    + object.keySet());
        }
        Map.Entry<?, ?> entry = object.entrySet().iterator().next();
        String operator = String.valueOf(entry.getKey());
        Object operand = entry.getValue();
        return switch (operator) {
            case "prefix" -> new Condition.Prefix(text(key, operator, operand));
            case "suffix" -> new Condition.Suffix(text(key, operator, operand));
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(text(key, operator, operand));
            case "anything-but" -> anythingBut(key, operand);
            case "numeric" -> NumericConditionParser.parse(key, operand);
            case "exists" -> exists(key, operand);
            default -> throw invalid("\"" + key + "\": unsupported operator \"" + operator
                    + "\"; the embedded SNS supports " + String.join(", ", SUPPORTED_OPERATORS.stream().sorted().toList()));
        };
    }

    private Condition anythingBut(String key, Object operand) {
        List<Condition.OnValue> excluded = new ArrayList<>();
        if (operand instanceof List<?> values) {
            if (values.isEmpty()) {
                throw invalid("\"" + key + "\": \"anything-but\" needs at least one value");
            }
            for (Object value : values) {
                excluded.add(plainValue(key, value));
            }
        } else if (operand instanceof Map<?, ?> object) {
            Condition inner = operator(key, object);
            if (!(inner instanceof Condition.Prefix || inner instanceof Condition.Suffix
                    || inner instanceof Condition.EqualsIgnoreCase)) {
                throw invalid("\"" + key + "\": \"anything-but\" supports prefix, suffix and equals-ignore-case"
                        + " inside it, not " + object.keySet());
            }
            excluded.add((Condition.OnValue) inner);
        } else {
            excluded.add(plainValue(key, operand));
        }
        return new Condition.AnythingBut(List.copyOf(excluded));
    }

    private Condition.OnValue plainValue(String key, Object value) {
        if (value instanceof String text) {
            return new Condition.ExactText(text);
        }
        if (value instanceof BigDecimal number) {
            return new Condition.ExactNumber(number);
        }
        throw invalid("\"" + key + "\": \"anything-but\" values must be strings or numbers, found " + Json.write(value));
    }

    private Condition exists(String key, Object operand) {
        if (!(operand instanceof Boolean expected)) {
            throw invalid("\"" + key + "\": \"exists\" must be true or false");
        }
        return new Condition.Exists(expected);
    }

    private static String text(String key, String operator, Object operand) {
        if (!(operand instanceof String text)) {
            throw invalid("\"" + key + "\": \"" + operator + "\" needs a string, found " + Json.write(operand));
        }
        return text;
    }

    static InvalidFilterPolicyException invalid(String message) {
        return new InvalidFilterPolicyException(message);
    }
}
