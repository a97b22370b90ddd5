package dev.hake.core.selector;

import static dev.hake.core.selector.SelectorTestSupport.props;
import static dev.hake.core.selector.SelectorTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation, case by case, against the rules and examples of Jakarta Messaging 3.1 section 3.8.1. */
class SelectorEvaluationTest {

    private static final Boolean T = Boolean.TRUE;
    private static final Boolean F = Boolean.FALSE;
    private static final Boolean U = null;

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
            // left, op, right, result; U for UNKNOWN, given by a missing property
            "T, AND, T, T", "T, AND, F, F", "T, AND, U, U",
            "F, AND, T, F", "F, AND, F, F", "F, AND, U, F",
            "U, AND, T, U", "U, AND, F, F", "U, AND, U, U",
            "T, OR, T, T", "T, OR, F, T", "T, OR, U, T",
            "F, OR, T, T", "F, OR, F, F", "F, OR, U, U",
            "U, OR, T, T", "U, OR, F, U", "U, OR, U, U",
    })
    void logicIsThreeValuedAsInTheSpecificationTables(String left, String op, String right, String expected) {
        Map<String, Object> p = props("T", true, "F", false);
        assertThat(value(left + " " + op + " " + right, p)).isEqualTo(truth(expected));
    }

    @Test
    void notSwapsTrueAndFalseAndKeepsUnknown() {
        assertThat(value("NOT t", "t", true)).isEqualTo(F);
        assertThat(value("NOT t", "t", false)).isEqualTo(T);
        assertThat(value("NOT t")).isEqualTo(U);
        assertThat(value("NOT NOT NOT t", "t", false)).isEqualTo(T);
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        // a OR (b AND c), and (NOT a) AND b
        assertThat(value("a OR b AND c", "a", true, "b", false, "c", false)).isEqualTo(T);
        assertThat(value("(a OR b) AND c", "a", true, "b", false, "c", false)).isEqualTo(F);
        assertThat(value("NOT a AND b", "a", false, "b", true)).isEqualTo(T);
        assertThat(value("NOT (a AND b)", "a", false, "b", true)).isEqualTo(T);
        assertThat(value("NOT a = 1", "a", 2)).isEqualTo(T); // NOT (a = 1)
    }

    @Test
    void aSelectorMatchesOnlyWhenTrue() {
        Selector s = Selector.parse("a = 1");
        assertThat(s.matches(props("a", 1)::get)).isTrue();
        assertThat(s.matches(props("a", 2)::get)).isFalse();
        assertThat(s.matches(props()::get)).isFalse();
        assertThat(Selector.parse("NOT (a = 1)").matches(props()::get)).isFalse();
    }

    @Test
    void numbersCompareAcrossTypesByPromotion() {
        for (Object one : new Object[] {(byte) 1, (short) 1, 1, 1L, 1.0f, 1.0}) {
            assertThat(value("a = 1", "a", one)).as("%s", one.getClass()).isEqualTo(T);
            assertThat(value("a = 1.0", "a", one)).isEqualTo(T);
            assertThat(value("a < 1.5 AND a > 0.5 AND a >= 1 AND a <= 1 AND a <> 2", "a", one)).isEqualTo(T);
        }
        // Exact between longs, beyond what a double can tell apart.
        assertThat(value("a = 9007199254740993", "a", 9007199254740993L)).isEqualTo(T);
        assertThat(value("a = 9007199254740992", "a", 9007199254740993L)).isEqualTo(F);
        // A float is seen as the double it widens to.
        assertThat(value("a = 0.1", "a", 0.1f)).isEqualTo(F);
        assertThat(value("a = 0.5", "a", 0.5f)).isEqualTo(T);
    }

    @Test
    void nanIsUnequalToEverythingAsInJava() {
        assertThat(value("d = d", "d", Double.NaN)).isEqualTo(F);
        assertThat(value("d <> d", "d", Double.NaN)).isEqualTo(T);
        assertThat(value("d < 1 OR d >= 1", "d", Double.NaN)).isEqualTo(F);
    }

    @Test
    void stringsAndBooleansCompareOnlyForEquality() {
        assertThat(value("s = 'abc'", "s", "abc")).isEqualTo(T);
        assertThat(value("s = 'ABC'", "s", "abc")).isEqualTo(F);
        assertThat(value("s <> 'abc'", "s", "abd")).isEqualTo(T);
        assertThat(value("'it''s' = s", "s", "it's")).isEqualTo(T);
        assertThat(value("b = TRUE", "b", true)).isEqualTo(T);
        assertThat(value("b <> false", "b", true)).isEqualTo(T);
        // Ordering two string properties is not a string comparison JMS allows: FALSE.
        assertThat(value("x > y", "x", "b", "y", "a")).isEqualTo(F);
        assertThat(value("x < y OR x >= y", "x", true, "y", false)).isEqualTo(F);
    }

    @Test
    void comparingUnlikeTypesIsFalseNotUnknown() {
        // "If the comparison of non-like type values is attempted, the value of the operation is false."
        assertThat(value("s = 5", "s", "5")).isEqualTo(F);
        assertThat(value("s <> 5", "s", "5")).isEqualTo(F);
        assertThat(value("NOT s = 5", "s", "5")).isEqualTo(T);
        assertThat(value("n = '5'", "n", 5)).isEqualTo(F);
        assertThat(value("b = TRUE", "b", "true")).isEqualTo(F);
        assertThat(value("b = 1", "b", true)).isEqualTo(F);
        // The specification's own example: a String "2" does not take part in arithmetic comparison.
        assertThat(value("NumberOfOrders > 1", "NumberOfOrders", "2")).isEqualTo(F);
    }

    @Test
    void nullOperandsMakeComparisonsUnknown() {
        assertThat(value("a = 1")).isEqualTo(U);
        assertThat(value("a <> 1")).isEqualTo(U);
        assertThat(value("a = b", "a", 1)).isEqualTo(U);
        assertThat(value("NULL")).isEqualTo(U);
    }

    @Test
    void arithmeticFollowsJavaPromotionAndPrecedence() {
        assertThat(value("2 + 3 * 4 = 14")).isEqualTo(T);
        assertThat(value("(2 + 3) * 4 = 20")).isEqualTo(T);
        assertThat(value("10 - 4 - 3 = 3")).isEqualTo(T); // left-associative
        assertThat(value("100 / 10 / 5 = 2")).isEqualTo(T);
        assertThat(value("10 / 4 = 2")).isEqualTo(T); // integral division
        assertThat(value("10 / 4.0 = 2.5")).isEqualTo(T);
        assertThat(value("a + b * 2 = 7", "a", 1, "b", 3L)).isEqualTo(T);
        assertThat(value("-a = -5", "a", 5)).isEqualTo(T);
        assertThat(value("- -5 = 5")).isEqualTo(T);
        assertThat(value("+a = 5", "a", (byte) 5)).isEqualTo(T);
        assertThat(value("-a * 2 = -10", "a", 5)).isEqualTo(T);
        // int * int overflows as an int, long * long does not.
        assertThat(value("i * i = 0", "i", 65536)).isEqualTo(T);
        assertThat(value("i * i = 4294967296", "i", 65536L)).isEqualTo(T);
        // float arithmetic stays float
        assertThat(value("f + f = 0.2", "f", 0.1f)).isEqualTo(F);
        assertThat(value("f + 0.0 = 0.1", "f", 0.1)).isEqualTo(T);
    }

    @Test
    void divisionByZeroIsUnknownForIntegersAndIeeeForFloatingPoint() {
        assertThat(value("a / 0 = 1", "a", 1)).isEqualTo(U);
        assertThat(value("a / 0 = 1 OR TRUE", "a", 1)).isEqualTo(T);
        assertThat(value("NOT (a / 0 = 1)", "a", 1L)).isEqualTo(U);
        assertThat(value("a / 0.0 > 1000000", "a", 1)).isEqualTo(T);
        assertThat(value("a / 0 > 0", "a", 1.0f)).isEqualTo(T);
    }

    @Test
    void arithmeticOnNonNumbersOrNullIsUnknown() {
        assertThat(value("s + 1 = 2", "s", "1")).isEqualTo(U);
        assertThat(value("b * 1 = 1", "b", true)).isEqualTo(U);
        assertThat(value("-s = -1", "s", "1")).isEqualTo(U);
        assertThat(value("a + 1 = 2")).isEqualTo(U);
    }

    @Test
    void betweenIsTheSpecificationsEquivalentComparisons() {
        String between = "age BETWEEN 15 AND 19";
        assertThat(value(between, "age", 15)).isEqualTo(T);
        assertThat(value(between, "age", 19.0)).isEqualTo(T);
        assertThat(value(between, "age", 20)).isEqualTo(F);
        assertThat(value(between, "age", "16")).isEqualTo(F);
        assertThat(value(between)).isEqualTo(U);
        String notBetween = "age NOT BETWEEN 15 AND 19";
        assertThat(value(notBetween, "age", 20)).isEqualTo(T);
        assertThat(value(notBetween, "age", 14.5)).isEqualTo(T);
        assertThat(value(notBetween, "age", 16)).isEqualTo(F);
        assertThat(value(notBetween, "age", "16")).isEqualTo(F); // age < 15 OR age > 19: FALSE OR FALSE
        assertThat(value(notBetween)).isEqualTo(U);
        // With a missing bound: UNKNOWN AND TRUE is UNKNOWN, UNKNOWN AND FALSE is FALSE.
        assertThat(value("a BETWEEN b AND 10", "a", 5)).isEqualTo(U);
        assertThat(value("a BETWEEN b AND 10", "a", 11)).isEqualTo(F);
        assertThat(value("a + 1 BETWEEN 2 * b AND b * 3", "a", 5, "b", 2)).isEqualTo(T);
    }

    @Test
    void inIsEquivalentToOredEqualities() {
        String in = "Country IN (' UK', 'US', 'France')";
        assertThat(value(in, "Country", " UK")).isEqualTo(T);
        assertThat(value(in, "Country", "Peru")).isEqualTo(F);
        assertThat(value(in)).isEqualTo(U);
        String notIn = "Country NOT IN (' UK', 'US', 'France')";
        assertThat(value(notIn, "Country", " UK")).isEqualTo(F);
        assertThat(value(notIn, "Country", "Peru")).isEqualTo(T);
        assertThat(value(notIn)).isEqualTo(U);
        // A value that is not a string makes IN and NOT IN UNKNOWN (the TCK's inTest7).
        assertThat(value("x IN ('1')", "x", 1)).isEqualTo(U);
        assertThat(value("x NOT IN ('1')", "x", 1)).isEqualTo(U);
    }

    @Test
    void likeMatchesTheSpecificationExamples() {
        assertThat(value("phone LIKE '12%3'", "phone", "123")).isEqualTo(T);
        assertThat(value("phone LIKE '12%3'", "phone", "12993")).isEqualTo(T);
        assertThat(value("phone LIKE '12%3'", "phone", "1234")).isEqualTo(F);
        assertThat(value("word LIKE 'l_se'", "word", "lose")).isEqualTo(T);
        assertThat(value("word LIKE 'l_se'", "word", "loose")).isEqualTo(F);
        assertThat(value("underscored LIKE '\\_%' ESCAPE '\\'", "underscored", "_foo")).isEqualTo(T);
        assertThat(value("underscored LIKE '\\_%' ESCAPE '\\'", "underscored", "bar")).isEqualTo(F);
        assertThat(value("phone NOT LIKE '12%3'", "phone", "123")).isEqualTo(F);
        assertThat(value("phone NOT LIKE '12%3'", "phone", "12993")).isEqualTo(F);
        assertThat(value("phone NOT LIKE '12%3'", "phone", "1234")).isEqualTo(T);
        assertThat(value("phone LIKE '12%3'")).isEqualTo(U);
        assertThat(value("phone NOT LIKE '12%3'")).isEqualTo(U);
        // LIKE on a value that is not a string is UNKNOWN, as IN is.
        assertThat(value("phone LIKE '12%'", "phone", 123)).isEqualTo(U);
        assertThat(value("phone NOT LIKE '12%'", "phone", 123)).isEqualTo(U);
    }

    @Test
    void isNullTestsForMissingValues() {
        assertThat(value("prop_name IS NULL")).isEqualTo(T);
        assertThat(value("prop_name IS NULL", "prop_name", "")).isEqualTo(F);
        assertThat(value("prop_name IS NOT NULL", "prop_name", 0)).isEqualTo(T);
        assertThat(value("prop_name IS NOT NULL")).isEqualTo(F);
        assertThat(value("NOT prop_name IS NULL")).isEqualTo(F);
    }

    @Test
    void aBooleanPropertyIsACondition() {
        assertThat(value("flag", "flag", true)).isEqualTo(T);
        assertThat(value("flag", "flag", false)).isEqualTo(F);
        assertThat(value("flag")).isEqualTo(U);
        // A non-boolean used as a condition has no truth value.
        assertThat(value("flag", "flag", "true")).isEqualTo(U);
        assertThat(value("NOT flag", "flag", 1)).isEqualTo(U);
        assertThat(value("flag OR TRUE", "flag", "x")).isEqualTo(T);
        assertThat(value("flag AND TRUE", "flag", "x")).isEqualTo(U);
    }

    @Test
    void literalsInEveryForm() {
        for (String s : new String[] {"57 = 57", "-957 < 0", "+62 = 62", "7E3 = 7000", "-57.9E2 = -5790", "7. = 7",
                "-95.7 < -95", "+6.2 > 6", ".5 = 0.5", "1.5F = 1.5", "2D = 2", "10L = 10", "0x1F = 31", "0X1f = 31",
                "017 = 15", "0 = 0", "1e-3 = 0.001", "-9223372036854775808 < 0", "9223372036854775807 > 0",
                "'' = ''", "'a''b' <> 'ab'", "TRUE", "true = TRUE", "tRuE <> FaLsE", "1.0 = 1"}) {
            assertThat(value(s)).as(s).isEqualTo(T);
        }
        assertThat(value("FALSE")).isEqualTo(F);
    }

    @Test
    void keywordsAreCaseInsensitiveAndIdentifiersCaseSensitive() {
        String s = "a is not null and b between 1 AnD 3 or c nOt LiKe 'x%' EsCaPe '!' OR d in ('q')";
        assertThat(value(s, "a", 1, "b", 2)).isEqualTo(T);
        assertThat(value("A = 1", "a", 1)).isEqualTo(U);
        assertThat(value("Abc = 1", "Abc", 1)).isEqualTo(T);
    }

    @Test
    void headerFieldsComeFromTheLookup() {
        Map<String, Object> m = props("JMSPriority", 7, "JMSDeliveryMode", "PERSISTENT", "JMSType", "car",
                "JMSTimestamp", 1_700_000_000_000L);
        assertThat(value("JMSPriority > 4 AND JMSDeliveryMode = 'PERSISTENT'", m)).isEqualTo(T);
        assertThat(value("JMSType IN ('car', 'bike') AND JMSTimestamp > 1600000000000", m)).isEqualTo(T);
        assertThat(value("JMSCorrelationID IS NULL AND JMSMessageID IS NULL", m)).isEqualTo(T);
    }

    @Test
    void identifiersFollowJavaRules() {
        assertThat(value("$x = 1 AND _y = 2 AND ünï = 3 AND a1 = 4", "$x", 1, "_y", 2, "ünï", 3, "a1", 4)).isEqualTo(T);
        // Only ASCII letters fold case in keywords, so the dotless i makes "ın" a name, not IN.
        assertThat(value("ın = 1", "ın", 1)).isEqualTo(T);
    }

    @Test
    void blankSelectorsSelectEverything() {
        for (String blank : new String[] {"", " ", "\t\n\r\f "}) {
            Selector s = Selector.parse(blank);
            assertThat(s.matches(name -> null)).isTrue();
            assertThat(s.identifiers()).isEmpty();
            assertThat(s.text()).isEqualTo(blank);
        }
    }

    @Test
    void identifiersAreListedInOrderOfFirstUse() {
        Selector s = Selector.parse("a = 1 AND b LIKE 'x%' OR a > JMSPriority AND c IS NULL AND d IN ('z')");
        assertThat(s.identifiers()).containsExactly("a", "b", "JMSPriority", "c", "d");
        assertThat(s.text()).isEqualTo(s.toString());
    }

    @Test
    void evaluatesOperandsOnlyAsFarAsNeeded() {
        // Short-circuit is invisible in results but keeps a failing lookup from mattering.
        assertThat(Selector.parse("FALSE AND a = 1").matches(name -> {
            throw new AssertionError("looked up " + name);
        })).isFalse();
    }

    private static Boolean truth(String s) {
        return s.equals("T") ? T : s.equals("F") ? F : U;
    }
}
