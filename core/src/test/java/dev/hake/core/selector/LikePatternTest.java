package dev.hake.core.selector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LIKE matching: wildcards, escapes, code points, and the facts the filter policy uses. */
class LikePatternTest {

    @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' = {2}")
    @CsvSource(delimiter = '|', value = {
            "abc     | abc    | true", "abc | abd | false", "abc | ab | false", "abc | abcd | false",
            "a%      | a      | true", "a% | abc | true", "a% | ba | false",
            "%c      | abc    | true", "%c | abcd | false", "%b% | abc | true", "%b% | ac | false",
            "%       | ''     | true", "% | anything | true", "%% | x | true",
            "_       | a      | true", "_ | '' | false", "_ | ab | false", "a_c | abc | true", "a_c | ac | false",
            "a%b%c   | a1b2c  | true", "a%b%c | acb | false", "%a%a%b | aaab | true", "%a%a%b | aab | true",
            "%a%a%b  | ab     | false", "a%a | a | false", "a%a | aa | true", "_%_ | ab | true", "_%_ | a | false",
            "12%3    | 123    | true", "12%3 | 12993 | true", "12%3 | 1234 | false", "l_se | lose | true",
            "l_se    | loose  | false", "%ab%ab% | abab | true", "%aab | aaab | true", "a%%%b | ab | true",
    })
    void matchesWholeStrings(String pattern, String text, boolean expected) {
        assertThat(LikePattern.compile(pattern, null).matches(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\_%      | \\ | _foo | true", "\\_% | \\ | afoo | false", "a!%b | ! | a%b | true", "a!%b | ! | axb | false",
            "a!!b      | ! | a!b  | true", "%!_ | ! | x_ | true", "%!_ | ! | xy | false"
    })
    void escapesMakeWildcardsLiteral(String pattern, String escape, String text, boolean expected) {
        assertThat(LikePattern.compile(pattern, escape).matches(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"_ | \uD83D\uDE00 | true", "__ | \uD83D\uDE00 | false", "a_b | a\uD83D\uDE00b | true"})
    void underscoreMatchesOneCodePoint(String pattern, String text, boolean expected) {
        assertThat(LikePattern.compile(pattern, null).matches(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // pattern | escape | literal prefix | has wildcards
            "abc%   | - | abc | true", "abc | - | abc | false", "ab_c% | - | ab | true", "%abc | - | | true",
            "a!%b%  | ! | a%b | true", "a!_ | ! | a_ | false", "a%b% | - | a | true", "% | - | | true",
    })
    void describesItselfForTheFilterPolicy(String pattern, String escape, String prefix, boolean wildcards) {
        LikePattern p = LikePattern.compile(pattern, escape.equals("-") ? null : escape);
        assertThat(p.literalPrefix()).isEqualTo(prefix == null ? "" : prefix);
        assertThat(p.hasWildcards()).isEqualTo(wildcards);
    }
}
