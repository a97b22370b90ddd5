package dev.hake.core.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parser refuses, and that it says what and where. */
class SelectorSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // selector | message (positions count from 1)
            "a = 1)                    | unexpected ')' at position 6",
            "(a = 1                    | expected ')' but found end of selector at position 7",
            "a =                       | unexpected end of selector at position 4",
            "a == 1                    | unexpected '=' at position 4",
            "a = 1 b                   | unexpected 'b' at position 7",
            "a = 1 NOT                 | unexpected 'NOT' at position 7",
            "NOT                       | unexpected end of selector at position 4",
            "AND = 1                   | unexpected 'AND' at position 1",
            "a != 1                    | unexpected character '!' at position 3",
            "a # 1                     | unexpected character '#' at position 3",
            "a = 'abc                  | unterminated string literal at position 5",
            "'abc' + 1 = 2             | '+' takes numbers, not a string, at position 7",
            "1 + 'abc' = 2             | '+' takes numbers, not a string, at position 3",
            "-'abc' = 2                | '-' takes numbers, not a string, at position 1",
            "TRUE > 1                  | '>' takes numbers, not a boolean, at position 6",
            "NULL = 0                  | NULL cannot be compared with '='; use IS NULL or IS NOT NULL, at position 6",
            "a <> NULL                 | NULL cannot be compared with '<>'; use IS NULL or IS NOT NULL, at position 3",
            "TRUE = 0                  | '=' cannot compare a boolean with a number, at position 6",
            "FALSE = 0                 | '=' cannot compare a boolean with a number, at position 7",
            "JMSType = 1               | '=' cannot compare a string with a number, at position 9",
            "'a' <> (b = 1)            | '<>' cannot compare a string with a boolean, at position 5",
            "a < 'b'                   | '<' takes numbers, not a string, at position 3",
            "JMSType >= 'b'            | '>=' takes numbers, not a string, at position 9",
            "(a = 1) * 2 = 2           | '*' takes numbers, not a boolean, at position 9",
            "a BETWEEN 'x' AND 'y'     | 'BETWEEN' takes numbers, not a string, at position 3",
            "a BETWEEN 1 OR 2          | expected AND but found 'OR' at position 13",
            "JMSPriority               | a number where a condition is expected at position 1",
            "JMSType                   | a string where a condition is expected at position 1",
            "5                         | a number where a condition is expected at position 1",
            "'x'                       | a string where a condition is expected at position 1",
            "a + 1                     | a number where a condition is expected at position 1",
            "a = 1 AND 7               | a number where a condition is expected at position 11",
            "NOT 'x'                   | a string where a condition is expected at position 5",
            "a IN (1, 2)               | expected a string literal but found '1' at position 7",
            "a IN ()                   | expected a string literal but found ')' at position 7",
            "a IN ('x' 'y')            | expected ',' or ')' but found string 'y' at position 11",
            "a IN 'x'                  | expected '(' but found string 'x' at position 6",
            "5 IN ('a')                | IN must follow an identifier at position 1",
            "JMSPriority IN ('1')      | IN applies to strings, and JMSPriority is a number, at position 1",
            "a LIKE 5                  | expected a string pattern but found '5' at position 8",
            "'a' LIKE 'a'              | LIKE must follow an identifier at position 1",
            "a LIKE 'x' ESCAPE 'ab'    | ESCAPE must be a single character, not 'ab' at position 8",
            "a LIKE 'x' ESCAPE ''      | ESCAPE must be a single character, not '' at position 8",
            "a LIKE 'x!y' ESCAPE '!'   | in a LIKE pattern the escape character must come before '_', '%' or itself, not 'y' at position 8",
            "a LIKE 'x!' ESCAPE '!'    | LIKE pattern ends with its escape character at position 8",
            "a + 1 IS NULL             | IS NULL must follow an identifier at position 1",
            "a IS 5                    | expected NULL but found '5' at position 6",
            "a IS NOT TRUE             | expected NULL but found 'TRUE' at position 10",
            "9223372036854775808 > 0   | number 9223372036854775808 is out of the range of long at position 1",
            "-9223372036854775809 < 0  | number -9223372036854775809 is out of the range of long at position 2",
            "1e999 > 0                 | number 1e999 is out of the range of double at position 1",
            "a = 12abc                 | malformed number 12a at position 5",
            "a = 1.5.2                 | malformed number 1.5. at position 5",
            "a = 1e                    | exponent without digits in number at position 5",
            "a = 08                    | invalid octal number 08 at position 5",
            "a = 0x                    | hex number without digits at position 5",
    })
    void refusesWithAMessageSayingWhatAndWhere(String selector, String message) {
        SelectorSyntaxException e = catchThrowableOfType(() -> Selector.parse(selector), SelectorSyntaxException.class);
        assertThat(e).as(selector).isNotNull();
        assertThat(e).hasMessage(message);
        assertThat(e.selector()).isEqualTo(selector);
        assertThat(message).endsWith(" at position " + e.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a = 'x' = 'y'", "a BETWEEN 1", "a NOT 5", "a IS NOT", "(", ")", "()", "a LIKE", "a IN (", "a IN ('x',)",
            "a LIKE 'x' ESCAPE", "NOT NOT", "a = 1 AND", "OR a = 1", "a = 1 OR OR b = 1", "a *", "* a", ",", "a . b",
            "\"a\" = 1", "a = \"x\"", "a = 1; b = 2", "a\u00a0= 1",
            // Unlike types where both are known, and NULL outside IS [NOT] NULL (as the TCK requires).
            "'a' = 1", "TRUE = 'true'", "JMSPriority = 'high'", "JMSType = 5", "NULL = NULL", "a = NULL",
    })
    void refusesOtherMalformedSelectors(String selector) {
        assertThat(catchThrowableOfType(() -> Selector.parse(selector), SelectorSyntaxException.class))
                .as(selector).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Valid although the result is fixed: UNKNOWN.
            "NULL",
            "(a = 1) = (b = 2)", "(a = 1) <> TRUE", "a = b AND b <> c", "x IN ('a')", "x NOT IN ('a', 'b', 'a')",
            "JMSDeliveryMode LIKE 'P%'", "JMSType NOT IN ('a')", "JMSX_anything IS NULL", "a = -b", "a BETWEEN b AND c",
            "1 BETWEEN a AND 2", "a = 1 --b", "a * -1 > - - 2", "flag", "NOT flag", "flag = TRUE",
    })
    void acceptsValidSelectors(String selector) {
        assertThatCode(() -> Selector.parse(selector)).as(selector).doesNotThrowAnyException();
    }
}
