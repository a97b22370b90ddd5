package dev.hake.core.selector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.selector.SnsPolicyModel.Attribute;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property-based check of the one promise that matters: whenever the selector is TRUE for a
 * message, the derived SNS filter policy passes it (checked with the reference {@link SnsPolicyModel}).
 * Random selectors from a small vocabulary meet random messages: hake messages whose properties
 * are of every JMS type and travel natively or packed (as hake's wire format allows), and foreign
 * messages with String, Number (beyond five decimals too), String.Array and Binary attributes.
 * The seed is fixed, so a failure reproduces.
 */
class SnsFilterPolicySoundnessTest {

    private static final int SELECTORS = 4_000;
    private static final int MESSAGES = 400;

    private static final String[] NAMES = {"a", "b", "c", "s", "n", "flag", "prefix", "x$", "hake"};
    private static final String[] STRINGS = {"a", "b", "ab", "abc", "a%b", "x_y", "true", "false", "5", "", "ünï", "t"};
    private static final Object[] NUMBERS = {(byte) 1, (short) -2, 0, 1, 2, 5, 10, 1_000_000_000, 2_000_000_000L,
        Long.MIN_VALUE, 5L, -1L, 0.5f, 0.1f, 2.5f, 0.1, 2.5, -1.5, 1e-7, 3.00001, 3.000001, 1e10, Double.NaN, -0.0, 5.0};
    private static final String[] NUMBER_LITERALS = {"0", "1", "2", "5", "-1", "2.5", "0.1", "3.00001", "3.000001",
        "1e-7", "2e9", "1000000000", "5.0", "-1.5", "0.5"};
    private static final String[] STRING_LITERALS = {"'a'", "'b'", "'ab'", "'abc'", "'true'", "'false'", "'5'", "''",
        "'x_y'", "'ünï'", "'t'"};
    private static final String[] PATTERNS = {"'a%'", "'ab%'", "'%b'", "'a_'", "'a!%%' ESCAPE '!'", "'abc'", "'%'",
        "'t%'", "'_b%'", "'a%b'", "'x!_y' ESCAPE '!'"};
    private static final String[] FOREIGN_NUMBERS = {"5", "5.0", "2.5", "3.000001", "3.0000049", "-1", "1e2", "0.1",
        "3.0000000000000001", "1000000000", "0", "-0.000004", "2.4999999"};
    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_EVEN,
        RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP};
    private static final Pattern AWS_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private final Random random = new Random(20240531);

    /** One message as the selector sees it (header fields and properties) and as SNS sees it. */
    record Message(Map<String, Object> identifiers, Map<String, Attribute> attributes, RoundingMode rounding) {
    }

    @Test
    void whateverTheSelectorSelectsThePolicyPasses() {
        // Half the messages have all properties native: the case the policy filters and must get right.
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            int kind = random.nextInt(10);
            messages.add(kind < 5 ? hakeMessage(false) : kind < 7 ? hakeMessage(true) : foreignMessage());
        }
        Tally all = new Tally();
        Tally nativeOnly = new Tally();
        int withPolicy = 0;
        int refused = 0;
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < SELECTORS; i++) {
            String text = condition(3);
            Selector selector;
            try {
                selector = Selector.parse(text);
            } catch (SelectorSyntaxException e) {
                refused++;
                continue;
            }
            Optional<String> json = SnsFilterPolicy.from(selector);
            SnsPolicyModel policy = json.map(SnsPolicyModel::parse).orElse(null);
            withPolicy += policy == null ? 0 : 1;
            for (Message m : messages) {
                boolean isSelected = selector.matches(m.identifiers()::get);
                boolean passes = policy == null || policy.matches(m.attributes(), m.rounding());
                all.add(isSelected, passes);
                if (!m.attributes().containsKey("hake.props")) {
                    nativeOnly.add(isSelected, passes);
                }
                if (isSelected && !passes && violations.size() < 10) {
                    violations.add(text + "\n    policy " + json.orElseThrow() + "\n    message " + m);
                }
            }
        }
        System.out.printf("soundness: %d selectors (%d refused by the parser, %d with a policy) x %d messages%n"
                + "  all messages: %s%n  messages without packed properties: %s%n",
                SELECTORS, refused, withPolicy, MESSAGES, all, nativeOnly);
        assertThat(violations).as("selected messages the policy drops").isEmpty();
        assertThat(all.pairs).isGreaterThan(1_000_000);
        assertThat(all.selected).isGreaterThan(all.pairs / 20);
        // Usefulness: the policy must filter, not only be sound.
        assertThat(nativeOnly.dropped).isGreaterThan((nativeOnly.pairs - nativeOnly.selected) / 3);
    }

    /** Counts of message-selector pairs. */
    private static final class Tally {
        long pairs;
        long selected;
        long dropped;

        void add(boolean isSelected, boolean passes) {
            pairs++;
            selected += isSelected ? 1 : 0;
            dropped += passes ? 0 : 1;
        }

        @Override
        public String toString() {
            return String.format("%d pairs, %d selected; the policy dropped %d = %.1f%% of all pairs, %.1f%% of the "
                    + "pairs the selector rejects", pairs, selected, dropped, 100.0 * dropped / pairs,
                    100.0 * dropped / (pairs - selected));
        }
    }

    @Test
    void theModelCatchesTheTranslationThisDesignAvoids() {
        // Were NOT (x = 'red') translated to anything-but, a message whose x is a number would be lost:
        // comparing unlike types is FALSE, so the selector is TRUE for it.
        SnsPolicyModel wrong = SnsPolicyModel.parse(
                "{\"$or\":[{\"hake.props\":[{\"exists\":true}]},{\"x\":[{\"anything-but\":[\"red\"]}]}]}");
        assertThat(Selector.parse("NOT x = 'red'").matches(Map.<String, Object>of("x", 5)::get)).isTrue();
        assertThat(wrong.matches(Map.of("x", new Attribute("Number", "5")), RoundingMode.FLOOR)).isFalse();
        String derived = SnsFilterPolicy.from(Selector.parse("NOT x = 'red'")).orElseThrow();
        assertThat(SnsPolicyModel.parse(derived).matches(Map.of("x", new Attribute("Number", "5")), RoundingMode.FLOOR))
                .isTrue();
    }

    /**
     * Numbers exhaustively on a small domain: literals on and off SNS's five-decimal grid, every
     * comparison, and message values packed densely around each literal, rounded onto the grid every
     * way SNS might. This is where an off-by-one-grid-step bound would show.
     */
    @Test
    void numericBoundsSurviveAnyRoundingOntoTheGrid() {
        String[] literals = {"3.000001", "2.9999999", "3", "3.00001", "0.1", "-0.000004", "1e-7", "2.5", "-1000000000",
            "999999999.999999", "0.1F"};
        List<String> checked = new ArrayList<>();
        for (String literal : literals) {
            BigDecimal center = new BigDecimal(literal.replace("F", ""));
            List<String> selectors = new ArrayList<>();
            for (String op : COMPARISONS) {
                selectors.add("x " + op + " " + literal);
            }
            selectors.add("x BETWEEN " + literal + " AND " + literal);
            selectors.add("x NOT BETWEEN " + literal + " AND " + literal);
            for (String text : selectors) {
                Selector selector = Selector.parse(text);
                SnsPolicyModel policy = SnsFilterPolicy.from(selector).map(SnsPolicyModel::parse).orElse(null);
                for (int k = -40; k <= 40; k++) {
                    String value = center.add(BigDecimal.valueOf(k, 7)).toPlainString();
                    Object property = foreignNumber(value);
                    for (RoundingMode rounding : ROUNDINGS) {
                        boolean selected = selector.matches(Map.of("x", property)::get);
                        boolean passes = policy == null
                                || policy.matches(Map.of("x", new Attribute("Number", value)), rounding);
                        if (selected && !passes) {
                            checked.add(text + " drops x = " + value + " rounded " + rounding);
                        }
                    }
                }
            }
        }
        assertThat(checked).isEmpty();
    }

    // ---- selectors ----

    private String condition(int depth) {
        int r = random.nextInt(10);
        if (depth == 0 || r < 4) {
            return atom();
        }
        if (r < 5) {
            return "NOT " + condition(depth - 1);
        }
        String op = r < 8 ? " AND " : " OR ";
        StringBuilder b = new StringBuilder("(").append(condition(depth - 1));
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            b.append(op).append(condition(depth - 1));
        }
        return b.append(")").toString();
    }

    private String atom() {
        String id = pick(NAMES);
        switch (random.nextInt(16)) {
            case 0: case 1: return id + " " + pick(COMPARISONS) + " " + pick(NUMBER_LITERALS);
            case 2: return pick(NUMBER_LITERALS) + " " + pick(COMPARISONS) + " " + id;
            case 3: case 4: return id + (random.nextBoolean() ? " = " : " <> ") + pick(STRING_LITERALS);
            case 5: return pick(STRING_LITERALS) + (random.nextBoolean() ? " = " : " <> ") + id;
            case 6: return id + (random.nextBoolean() ? " = " : " <> ") + (random.nextBoolean() ? "TRUE" : "FALSE");
            case 7: return id + not() + " BETWEEN " + pick(NUMBER_LITERALS) + " AND " + pick(NUMBER_LITERALS);
            case 8: return id + not() + " IN (" + pick(STRING_LITERALS)
                    + (random.nextBoolean() ? ", " + pick(STRING_LITERALS) : "") + ")";
            case 9: return id + not() + " LIKE " + pick(PATTERNS);
            case 10: return id + " IS" + not() + " NULL";
            case 11: return id;
            case 12: return id + " " + pick(COMPARISONS) + " " + pick(NAMES);
            case 13: return random.nextBoolean()
                    ? id + " + " + pick(NUMBER_LITERALS) + " " + pick(COMPARISONS) + " " + pick(NUMBER_LITERALS)
                    : "-" + id + " " + pick(COMPARISONS) + " " + pick(NUMBER_LITERALS);
            case 14: return random.nextBoolean() ? "JMSPriority " + pick(COMPARISONS) + " " + pick(NUMBER_LITERALS)
                    : "JMSType = " + pick(STRING_LITERALS);
            default: return random.nextBoolean() ? (random.nextBoolean() ? "TRUE" : "FALSE") : "NULL";
        }
    }

    private String not() {
        return random.nextBoolean() ? " NOT" : "";
    }

    // ---- messages ----

    /**
     * A hake message. Without packing, only properties that can travel natively (AWS name, value
     * SNS judges exactly) are set. With packing, any property may be set, and each travels natively
     * when it can and a coin says so, else packed (the message then carries hake.props): random
     * choice covers every split the real placement rule makes.
     */
    private Message hakeMessage(boolean packing) {
        Map<String, Object> ids = headers();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("hake", new Attribute("String", "1"));
        boolean packed = false;
        for (String name : NAMES) {
            if (random.nextBoolean()) {
                continue;
            }
            Object value = randomValue();
            Optional<Attribute> natively = nativeAttribute(name, value);
            if (natively.isPresent() && (!packing || random.nextInt(4) > 0)) {
                attributes.put(name, natively.get());
                ids.put(name, value);
            } else if (packing) {
                ids.put(name, value);
                packed = true;
            }
        }
        if (packed) {
            attributes.put("hake.props", new Attribute("String", "packed"));
        }
        return new Message(ids, attributes, pick(ROUNDINGS));
    }

    /** A message from a non-JMS producer: its properties are what hake makes of its attributes. */
    private Message foreignMessage() {
        Map<String, Object> ids = headers();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (random.nextBoolean() || !AWS_NAME.matcher(name).matches() || name.equals("hake")) {
                continue;
            }
            switch (random.nextInt(5)) {
                case 0: case 1: {
                    String s = pick(STRINGS);
                    if (!s.isEmpty()) {
                        attributes.put(name, new Attribute("String", s));
                        ids.put(name, s);
                    }
                    break;
                }
                case 2: {
                    String number = pick(FOREIGN_NUMBERS);
                    attributes.put(name, new Attribute("Number", number));
                    ids.put(name, foreignNumber(number));
                    break;
                }
                case 3:
                    attributes.put(name, new Attribute("String.Array", "[\"a\",\"b\"]"));
                    break;
                default:
                    attributes.put(name, new Attribute("Binary", "AAE="));
            }
        }
        return new Message(ids, attributes, pick(ROUNDINGS));
    }

    private Map<String, Object> headers() {
        Map<String, Object> ids = new HashMap<>();
        ids.put("JMSPriority", random.nextInt(10));
        if (random.nextBoolean()) {
            ids.put("JMSType", pick(STRINGS));
        }
        return ids;
    }

    private Object randomValue() {
        switch (random.nextInt(3)) {
            case 0: return pick(STRINGS);
            case 1: return NUMBERS[random.nextInt(NUMBERS.length)];
            default: return random.nextBoolean();
        }
    }

    /** hake's documented rule for native properties, restated here independently of the wire code. */
    private static Optional<Attribute> nativeAttribute(String name, Object value) {
        if (!AWS_NAME.matcher(name).matches() || name.equals("hake") || name.startsWith("hake.")) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return s.isEmpty() ? Optional.empty() : Optional.of(new Attribute("String", s));
        }
        if (value instanceof Boolean b) {
            return Optional.of(new Attribute("String", b.toString()));
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
                return Optional.empty();
            }
            BigDecimal v = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            return v.scale() <= 5 && v.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) <= 0
                    ? Optional.of(new Attribute("Number", v.toPlainString())) : Optional.empty();
        }
        long l = ((Number) value).longValue();
        return Math.abs((double) l) <= 1e9 ? Optional.of(new Attribute("Number", Long.toString(l))) : Optional.empty();
    }

    /** As hake reads a foreign Number: a Long when whole and in range, else a Double. */
    private static Object foreignNumber(String text) {
        BigDecimal d = new BigDecimal(text);
        try {
            return d.longValueExact();
        } catch (ArithmeticException notWhole) {
            return d.doubleValue();
        }
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

}
