package dev.hake.core.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The policies derived for concrete selectors. Expected JSON is written with ' for " to stay
 * readable; every policy's first branch lets through messages with packed properties.
 */
class SnsFilterPolicyTest {

    private static final String PACKED = "{'hake.props':[{'exists':true}]}";

    @Test
    void stringEqualityAndInBecomeExactValues() {
        assertPolicy("color = 'red'", "{'color':['red']}");
        assertPolicy("'red' = color", "{'color':['red']}");
        assertPolicy("color IN ('red', 'green')", "{'color':['red','green']}");
        assertPolicy("color = 'red' OR color = 'blue' OR color IN ('red', 'pink')", "{'color':['red','blue','pink']}");
    }

    @Test
    void andOfDifferentAttributesIsOneObject() {
        assertPolicy("color IN ('red', 'green') AND size > 10",
                "{'color':['red','green'],'size':[{'numeric':['>=',10]}]}");
    }

    @Test
    void orOfDifferentAttributesIsOneBranchEach() {
        assertPolicy("color = 'red' OR size < 5", "{'color':['red']}", "{'size':[{'numeric':['<=',5]}]}");
        assertPolicy("(a = 'x' OR b = 'y') AND c = 'z'", "{'c':['z'],'a':['x']}", "{'c':['z'],'b':['y']}");
    }

    @Test
    void numericComparisonsBecomeInclusiveRanges() {
        // Inclusive even for < and >: it costs nothing and survives SNS rounding to five decimals.
        assertPolicy("price > 10", "{'price':[{'numeric':['>=',10]}]}");
        assertPolicy("10 > price", "{'price':[{'numeric':['<=',10]}]}");
        assertPolicy("price = 0.1", "{'price':[{'numeric':['=',0.1]}]}");
        assertPolicy("price = -5", "{'price':[{'numeric':['=',-5]}]}");
        assertPolicy("price BETWEEN 1.5 AND 2.25", "{'price':[{'numeric':['>=',1.5,'<=',2.25]}]}");
        assertPolicy("price NOT BETWEEN 1 AND 2", "{'price':[{'numeric':['<=',1]},{'numeric':['>=',2]}]}");
        assertPolicy("price > 1 AND price <= 5E2", "{'price':[{'numeric':['>=',1,'<=',500]}]}");
        // Beyond five decimals the bound is rounded outward.
        assertPolicy("price > 0.000001", "{'price':[{'numeric':['>=',0]}]}");
        assertPolicy("price < 0.000001", "{'price':[{'numeric':['<=',0.00001]}]}");
        assertPolicy("price = 3.000001", "{'price':[{'numeric':['>=',3,'<=',3.00001]}]}");
        // Beyond SNS's range, or <>, only presence is known.
        assertPolicy("price > 2000000000", "{'price':[{'exists':true}]}");
        assertPolicy("price <> 3", "{'price':[{'exists':true}]}");
        assertThat(SnsFilterPolicy.from(Selector.parse("price BETWEEN 5 AND 1"))).hasValue(json(PACKED)); // never TRUE
    }

    @Test
    void likeBecomesExactOrPrefixOrPresence() {
        assertPolicy("name LIKE 'ord%'", "{'name':[{'prefix':'ord'}]}");
        assertPolicy("name LIKE 'o_d%'", "{'name':[{'prefix':'o'}]}");
        assertPolicy("name LIKE 'ord!%%' ESCAPE '!'", "{'name':[{'prefix':'ord%'}]}");
        assertPolicy("name LIKE 'order'", "{'name':['order']}");
        assertPolicy("name LIKE '%der'", "{'name':[{'exists':true}]}");
        assertPolicy("name NOT LIKE 'ord%'", "{'name':[{'exists':true}]}");
        assertPolicy("NOT name NOT LIKE 'ord%'", "{'name':[{'prefix':'ord'}]}");
    }

    @Test
    void notEqualIsAnythingButButNotOfEqualIsOnlyPresence() {
        assertPolicy("color <> 'red'", "{'color':[{'anything-but':['red']}]}");
        assertPolicy("color <> 'red' AND color <> 'blue'", "{'color':[{'anything-but':['red','blue']}]}");
        // NOT (color = 'red') is also TRUE when color is a number or boolean, which anything-but may not pass.
        assertPolicy("NOT color = 'red'", "{'color':[{'exists':true}]}");
        assertPolicy("color NOT IN ('red', 'blue')", "{'color':[{'exists':true}]}");
        assertPolicy("NOT color NOT IN ('red', 'blue')", "{'color':['red','blue']}");
    }

    @Test
    void booleansTravelAsTheStringsTrueAndFalse() {
        assertPolicy("flag", "{'flag':['true']}");
        assertPolicy("NOT flag", "{'flag':['false']}");
        assertPolicy("flag = FALSE", "{'flag':['false']}");
        assertPolicy("flag <> TRUE", "{'flag':['false']}");
        assertPolicy("TRUE = flag", "{'flag':['true']}");
    }

    @Test
    void negationUsesWhatMakesTheOperandFalse() {
        assertPolicy("NOT (a = 'x' OR b = 'y')", "{'a':[{'exists':true}],'b':[{'exists':true}]}");
        assertPolicy("NOT (a > 1 AND b IS NULL)", "{'a':[{'exists':true}]}", "{'b':[{'exists':true}]}");
        assertPolicy("NOT NOT color = 'red'", "{'color':['red']}");
    }

    @Test
    void nullTestsAndHeadersAndArithmetic() {
        assertPolicy("x IS NOT NULL", "{'x':[{'exists':true}]}");
        assertNoPolicy("x IS NULL"); // a foreign String.Array attribute is no property, but SNS sees it
        assertNoPolicy("JMSPriority > 4");
        assertPolicy("JMSPriority > 4 AND color = 'red'", "{'color':['red']}");
        assertNoPolicy("color = 'red' OR JMSPriority > 4");
        assertPolicy("a + 1 > b * 2", "{'a':[{'exists':true}],'b':[{'exists':true}]}");
        assertPolicy("a = b", "{'a':[{'exists':true}],'b':[{'exists':true}]}");
    }

    @Test
    void namesThatCannotBeNativeAttributesAreNotConstrained() {
        for (String name : new String[] {"hake", "x$", "ünï", "prefix", "numeric", "exists", "JMSXGroupID", "JMS_vendor"}) {
            assertNoPolicy(name + " = 'x'");
        }
        assertNoPolicy("a".repeat(257) + " = 'x'");
        assertPolicy("a".repeat(256) + " = 'x'", "{'" + "a".repeat(256) + "':['x']}");
    }

    @Test
    void stringsThatArePoorlySpecifiedInPoliciesBecomePresence() {
        assertPolicy("s = 'say \"hi\"'", "{'s':[{'exists':true}]}");
        assertPolicy("s = 'back\\slash'", "{'s':[{'exists':true}]}");
        assertPolicy("s = 'tab\there'", "{'s':[{'exists':true}]}");
        assertPolicy("s = ''", "{'s':[{'exists':true}]}");
        assertPolicy("s = '" + "x".repeat(65) + "'", "{'s':[{'exists':true}]}");
        assertPolicy("s = 'ünï \uD83D\uDE00'", "{'s':['ünï \uD83D\uDE00']}");
    }

    @Test
    void selectorsThatSelectNothingLetOnlyPackedMessagesThrough() {
        for (String s : new String[] {"FALSE", "NULL", "a = 'x' AND a = 'y'", "a = 'x' AND a LIKE 'y%'",
                "a > 5 AND a < 1", "a = 'x' AND a > 1", "NOT TRUE"}) {
            assertThat(SnsFilterPolicy.from(Selector.parse(s))).as(s).hasValue(json(PACKED));
        }
    }

    @Test
    void selectorsThatSelectEverythingGetNoPolicy() {
        for (String s : new String[] {"", "TRUE", "x IS NULL OR a = 'b'", "NOT FALSE", "a = 1 OR NOT a = 1 OR TRUE"}) {
            assertNoPolicy(s);
        }
    }

    @Test
    void sameAttributeConstraintsAreIntersected() {
        assertPolicy("a LIKE 'ab%' AND a LIKE 'abc%'", "{'a':[{'prefix':'abc'}]}");
        assertPolicy("a IN ('x', 'y', 'z') AND a <> 'y'", "{'a':['x','z']}");
        assertPolicy("a IN ('x', 'xy') AND a LIKE 'xy%'", "{'a':['xy']}");
        assertPolicy("a IS NOT NULL AND a = 'x'", "{'a':['x']}");
    }

    @Test
    void atMostFourAttributesBesidesHakeProps() {
        assertPolicy("a = '1' AND b = '1' AND c = '1' AND d = '1' AND e = '1' AND f = '1'",
                "{'a':['1'],'b':['1'],'c':['1'],'d':['1']}");
        // Names every message must satisfy are kept before names inside an OR.
        assertPolicy("(v = '1' OR w = '1' OR x = '1' OR y = '1' OR z = '1') AND k = '1'", "{'k':['1']}");
    }

    @Test
    void combinationsAreKeptWithin150() {
        String thirteen = IntStream.range(0, 13).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
        String values = IntStream.range(0, 13).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(",", "[", "]"));
        // 13 x 13 = 169 (plus the hake.props branch) is too many: the second array shrinks to a presence test.
        assertPolicy("a IN (" + thirteen + ") AND b IN (" + thirteen + ")", "{'a':" + values + ",'b':[{'exists':true}]}");
        String many = IntStream.range(0, 200).mapToObj(i -> "a = 'v" + i + "'").collect(Collectors.joining(" OR "));
        assertPolicy(many, "{'a':[{'exists':true}]}");
        String branches = IntStream.range(0, 200).mapToObj(i -> "(a = 'v" + i + "' AND b = 'w')").collect(Collectors.joining(" OR "));
        assertNoPolicy(branches);
        assertPolicy("c = 'k' AND (" + branches + ")", "{'c':['k']}");
        List<String> within = new ArrayList<>();
        for (int i = 0; i < 149; i++) {
            within.add("(a = 'v" + i + "' AND b = 'w')");
        }
        assertThat(SnsFilterPolicy.from(Selector.parse(String.join(" OR ", within)))).get().asString()
                .contains("{\"a\":[\"v148\"],\"b\":[\"w\"]}");
    }

    @Test
    void everyPolicyHereIsValidForTheModel() {
        for (String s : new String[] {"a IN ('1','2','3') AND (b > 1 OR c LIKE 'x%') AND (d = 'q' OR e <> 'r')",
                "(a = '1' OR b = '1') AND (c = '1' OR d = '1') AND (e = '1' OR a = '2')"}) {
            String json = SnsFilterPolicy.from(Selector.parse(s)).orElseThrow();
            SnsPolicyModel.parse(json);
        }
    }

    private static void assertPolicy(String selector, String... branches) {
        String expected = json("{'$or':[" + PACKED + "," + String.join(",", branches) + "]}");
        String actual = SnsFilterPolicy.from(Selector.parse(selector)).orElse("no policy");
        assertThat(actual).as(selector).isEqualTo(expected);
        SnsPolicyModel.parse(actual);
    }

    private static void assertNoPolicy(String selector) {
        assertThat(SnsFilterPolicy.from(Selector.parse(selector))).as(selector).isEmpty();
    }

    private static String json(String quoted) {
        return quoted.replace('\'', '"');
    }
}
