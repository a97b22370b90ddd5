package dev.hake.core.selector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference model of SNS filter-policy matching (scope MessageAttributes), written for the tests
 * from the AWS documentation and independent of the policy writer. It covers the subset hake emits
 * and refuses anything else. Where AWS leaves a point open it takes the narrow reading (fewer
 * matches), so that "the model lets it through" implies "SNS lets it through": exact strings,
 * prefixes and anything-but match only String attributes; numeric matches only Number attributes;
 * exists needs a String, Number or String.Array attribute.
 *
 * <p>Numbers: SNS matches to five decimal places. The model reads the attribute as a double and
 * rounds that onto the five-decimal grid with a rounding mode the test picks, since AWS does not
 * say which.
 */
final class SnsPolicyModel {

    /** A message attribute: its data type (String, Number, String.Array, Binary) and value text. */
    record Attribute(String type, String value) {
    }

    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "numeric", "exists", "cidr", "wildcard",
            "anything-but", "equals-ignore-case");
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000L);

    private final Map<String, Object> policy;

    private SnsPolicyModel(Map<String, Object> policy) {
        this.policy = policy;
    }

    /** Reads a policy and checks it against AWS's documented limits and forms; throws when it breaks one. */
    @SuppressWarnings("unchecked")
    static SnsPolicyModel parse(String json) {
        Object parsed = MiniJson.parse(json);
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("a policy is a JSON object: " + json);
        }
        Map<String, Object> policy = (Map<String, Object>) parsed;
        Set<String> names = new HashSet<>();
        long combinations = combinations(policy, names);
        if (names.size() > 5) {
            throw new IllegalArgumentException("more than 5 attribute names " + names + ": " + json);
        }
        if (combinations > 150) {
            throw new IllegalArgumentException(combinations + " combinations, over 150: " + json);
        }
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 256 * 1024) {
            throw new IllegalArgumentException("policy over 256 KB");
        }
        return new SnsPolicyModel(policy);
    }

    /** AWS's count: the sizes of the arrays multiplied, and OR branches added; also checks each part. */
    @SuppressWarnings("unchecked")
    private static long combinations(Map<String, Object> object, Set<String> names) {
        long product = 1;
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (e.getKey().equals("$or")) {
                List<Object> branches = (List<Object>) e.getValue();
                if (branches.size() < 2) {
                    throw new IllegalArgumentException("$or with fewer than two objects is not an OR");
                }
                long sum = 0;
                for (Object branch : branches) {
                    sum += combinations((Map<String, Object>) branch, names);
                }
                product *= sum;
                continue;
            }
            if (OPERATORS.contains(e.getKey())) {
                throw new IllegalArgumentException("attribute named like an operator: " + e.getKey());
            }
            List<Object> values = (List<Object>) e.getValue();
            if (values.isEmpty()) {
                throw new IllegalArgumentException("empty array for " + e.getKey());
            }
            values.forEach(SnsPolicyModel::checkCondition);
            names.add(e.getKey());
            product *= values.size();
        }
        return product;
    }

    @SuppressWarnings("unchecked")
    private static void checkCondition(Object condition) {
        if (condition instanceof String) {
            return;
        }
        Map<String, Object> op = (Map<String, Object>) condition;
        if (op.size() != 1 || !OPERATORS.contains(op.keySet().iterator().next())) {
            throw new IllegalArgumentException("unknown condition " + op);
        }
        if (op.get("numeric") instanceof List<?> numeric) {
            if (numeric.size() != 2 && numeric.size() != 4) {
                throw new IllegalArgumentException("malformed numeric " + numeric);
            }
            for (int i = 1; i < numeric.size(); i += 2) {
                BigDecimal v = (BigDecimal) numeric.get(i);
                if (v.abs().compareTo(LIMIT) > 0 || v.stripTrailingZeros().scale() > 5) {
                    throw new IllegalArgumentException("numeric value beyond SNS's range or precision: " + v);
                }
            }
        }
    }

    /** Whether SNS delivers a message with these attributes, rounding numbers with {@code rounding}. */
    boolean matches(Map<String, Attribute> attributes, RoundingMode rounding) {
        return matches(policy, attributes, rounding);
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> object, Map<String, Attribute> attributes, RoundingMode rounding) {
        for (Map.Entry<String, Object> e : object.entrySet()) {
            boolean ok;
            if (e.getKey().equals("$or")) {
                ok = ((List<Object>) e.getValue()).stream()
                        .anyMatch(branch -> matches((Map<String, Object>) branch, attributes, rounding));
            } else {
                Attribute a = attributes.get(e.getKey());
                ok = ((List<Object>) e.getValue()).stream().anyMatch(c -> matchesCondition(c, a, rounding));
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean matchesCondition(Object condition, Attribute a, RoundingMode rounding) {
        boolean isString = a != null && a.type().equals("String");
        if (condition instanceof String s) {
            return isString && a.value().equals(s);
        }
        Map<String, Object> op = (Map<String, Object>) condition;
        String name = op.keySet().iterator().next();
        Object arg = op.get(name);
        switch (name) {
            case "exists":
                boolean present = a != null && !a.type().equals("Binary");
                return present == (Boolean) arg;
            case "prefix":
                return isString && a.value().startsWith((String) arg);
            case "anything-but":
                return isString && !((List<Object>) arg).contains(a.value());
            case "numeric":
                return a != null && a.type().equals("Number") && numeric((List<Object>) arg, onGrid(a.value(), rounding));
            default:
                throw new IllegalArgumentException("the model does not know " + name);
        }
    }

    private static boolean numeric(List<Object> spec, BigDecimal v) {
        for (int i = 0; i < spec.size(); i += 2) {
            int c = v.compareTo((BigDecimal) spec.get(i + 1));
            boolean ok;
            switch ((String) spec.get(i)) {
                case "=": ok = c == 0; break;
                case "<": ok = c < 0; break;
                case "<=": ok = c <= 0; break;
                case ">": ok = c > 0; break;
                case ">=": ok = c >= 0; break;
                default: throw new IllegalArgumentException("numeric operator " + spec.get(i));
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal onGrid(String number, RoundingMode rounding) {
        return new BigDecimal(Double.toString(Double.parseDouble(number))).setScale(5, rounding);
    }
}
