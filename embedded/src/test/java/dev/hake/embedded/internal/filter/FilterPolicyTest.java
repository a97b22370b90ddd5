package dev.hake.embedded.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPolicyTest {

    private static boolean matches(String policy, Map<String, FilterAttribute> attributes) {
        return FilterPolicy.parse(policy).matches(attributes);
    }

    private static Map<String, FilterAttribute> text(String name, String value) {
        return Map.of(name, FilterAttribute.string(value));
    }

    private static Map<String, FilterAttribute> number(String name, String value) {
        return Map.of(name, FilterAttribute.number(value));
    }

    @Nested
    class ExactValues {

        @Test
        void stringMatchesExactlyAndCaseSensitively() {
            assertThat(matches("{\"colour\": [\"red\"]}", text("colour", "red"))).isTrue();
            assertThat(matches("{\"colour\": [\"red\"]}", text("colour", "Red"))).isFalse();
            assertThat(matches("{\"colour\": [\"red\"]}", text("colour", "reddish"))).isFalse();
        }

        @Test
        void valuesOfOneKeyAreAlternatives() {
            String policy = "{\"colour\": [\"red\", \"blue\"]}";
            assertThat(matches(policy, text("colour", "blue"))).isTrue();
            assertThat(matches(policy, text("colour", "green"))).isFalse();
        }

        @Test
        void everyKeyMustMatch() {
            String policy = "{\"colour\": [\"red\"], \"size\": [\"L\"]}";
            assertThat(matches(policy, Map.of("colour", FilterAttribute.string("red"), "size", FilterAttribute.string("L")))).isTrue();
            assertThat(matches(policy, Map.of("colour", FilterAttribute.string("red"), "size", FilterAttribute.string("M")))).isFalse();
            assertThat(matches(policy, text("colour", "red"))).as("a missing key fails").isFalse();
        }

        @Test
        void numbersCompareNumerically() {
            assertThat(matches("{\"n\": [5]}", number("n", "5.0"))).isTrue();
            assertThat(matches("{\"n\": [5]}", number("n", "5e0"))).isTrue();
            assertThat(matches("{\"n\": [5]}", number("n", "6"))).isFalse();
        }

        @Test
        void numbersAndStringsDoNotMatchEachOther() {
            assertThat(matches("{\"n\": [5]}", text("n", "5"))).isFalse();
            assertThat(matches("{\"n\": [\"5\"]}", number("n", "5"))).isFalse();
        }

        @Test
        void stringArrayMatchesIfAnyElementMatches() {
            Map<String, FilterAttribute> tags = Map.of("tags", FilterAttribute.stringArray("[\"a\", \"b\", 3]"));
            assertThat(matches("{\"tags\": [\"b\"]}", tags)).isTrue();
            assertThat(matches("{\"tags\": [3]}", tags)).isTrue();
            assertThat(matches("{\"tags\": [\"c\"]}", tags)).isFalse();
        }
    }

    @Nested
    class Numeric {

        @Test
        void equals() {
            assertThat(matches("{\"n\": [{\"numeric\": [\"=\", 10]}]}", number("n", "10.00"))).isTrue();
            assertThat(matches("{\"n\": [{\"numeric\": [\"=\", 10]}]}", number("n", "10.01"))).isFalse();
        }

        @Test
        void singleBounds() {
            assertThat(matches("{\"n\": [{\"numeric\": [\">\", 0]}]}", number("n", "0"))).isFalse();
            assertThat(matches("{\"n\": [{\"numeric\": [\">=\", 0]}]}", number("n", "0"))).isTrue();
            assertThat(matches("{\"n\": [{\"numeric\": [\"<\", 0]}]}", number("n", "-0.5"))).isTrue();
            assertThat(matches("{\"n\": [{\"numeric\": [\"<=\", 0]}]}", number("n", "0.1"))).isFalse();
        }

        @Test
        void ranges() {
            String policy = "{\"price\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}";
            assertThat(matches(policy, number("price", "150"))).isTrue();
            assertThat(matches(policy, number("price", "0.001"))).isTrue();
            assertThat(matches(policy, number("price", "0"))).isFalse();
            assertThat(matches(policy, number("price", "150.5"))).isFalse();
        }

        @Test
        void doesNotApplyToStrings() {
            assertThat(matches("{\"n\": [{\"numeric\": [\">\", 0]}]}", text("n", "5"))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"n\": [{\"numeric\": [\"<\", 10, \">\", 0]}]}",
                "{\"n\": [{\"numeric\": [\">\", 10, \"<\", 0]}]}",
                "{\"n\": [{\"numeric\": [\"!=\", 1]}]}",
                "{\"n\": [{\"numeric\": [\">\", \"1\"]}]}",
                "{\"n\": [{\"numeric\": [\">\"]}]}",
                "{\"n\": [{\"numeric\": 5}]}"})
        void malformedIsRefused(String policy) {
            assertThatThrownBy(() -> FilterPolicy.parse(policy)).isInstanceOf(InvalidFilterPolicyException.class)
                    .hasMessageContaining("numeric");
        }
    }

    @Nested
    class StringOperators {

        @Test
        void prefix() {
            assertThat(matches("{\"e\": [{\"prefix\": \"order.\"}]}", text("e", "order.created"))).isTrue();
            assertThat(matches("{\"e\": [{\"prefix\": \"order.\"}]}", text("e", "payment.created"))).isFalse();
        }

        @Test
        void suffix() {
            assertThat(matches("{\"f\": [{\"suffix\": \".png\"}]}", text("f", "cat.png"))).isTrue();
            assertThat(matches("{\"f\": [{\"suffix\": \".png\"}]}", text("f", "cat.jpg"))).isFalse();
        }

        @Test
        void equalsIgnoreCase() {
            assertThat(matches("{\"c\": [{\"equals-ignore-case\": \"RED\"}]}", text("c", "rEd"))).isTrue();
            assertThat(matches("{\"c\": [{\"equals-ignore-case\": \"RED\"}]}", text("c", "redder"))).isFalse();
        }

        @Test
        void doNotApplyToNumbers() {
            assertThat(matches("{\"n\": [{\"prefix\": \"1\"}]}", number("n", "12"))).isFalse();
        }
    }

    @Nested
    class AnythingBut {

        @Test
        void singleValue() {
            assertThat(matches("{\"c\": [{\"anything-but\": \"red\"}]}", text("c", "blue"))).isTrue();
            assertThat(matches("{\"c\": [{\"anything-but\": \"red\"}]}", text("c", "red"))).isFalse();
        }

        @Test
        void listOfValues() {
            String policy = "{\"c\": [{\"anything-but\": [\"red\", \"blue\"]}]}";
            assertThat(matches(policy, text("c", "green"))).isTrue();
            assertThat(matches(policy, text("c", "blue"))).isFalse();
        }

        @Test
        void numbers() {
            assertThat(matches("{\"n\": [{\"anything-but\": [100, 200]}]}", number("n", "150"))).isTrue();
            assertThat(matches("{\"n\": [{\"anything-but\": [100, 200]}]}", number("n", "100.0"))).isFalse();
        }

        @Test
        void prefixAndSuffixInside() {
            assertThat(matches("{\"e\": [{\"anything-but\": {\"prefix\": \"test-\"}}]}", text("e", "prod-1"))).isTrue();
            assertThat(matches("{\"e\": [{\"anything-but\": {\"prefix\": \"test-\"}}]}", text("e", "test-1"))).isFalse();
            assertThat(matches("{\"e\": [{\"anything-but\": {\"suffix\": \".tmp\"}}]}", text("e", "a.tmp"))).isFalse();
        }

        @Test
        void needsTheAttributeToBeThere() {
            assertThat(matches("{\"c\": [{\"anything-but\": \"red\"}]}", Map.of())).isFalse();
        }
    }

    @Nested
    class Exists {

        @Test
        void existsTrueNeedsTheAttribute() {
            assertThat(matches("{\"k\": [{\"exists\": true}]}", text("k", "anything"))).isTrue();
            assertThat(matches("{\"k\": [{\"exists\": true}]}", Map.of())).isFalse();
        }

        @Test
        void existsFalseNeedsItAbsent() {
            assertThat(matches("{\"k\": [{\"exists\": false}]}", Map.of())).isTrue();
            assertThat(matches("{\"k\": [{\"exists\": false}]}", number("k", "1"))).isFalse();
        }

        @Test
        void combinesWithValuesOfTheSameKey() {
            String policy = "{\"k\": [\"x\", {\"exists\": false}]}";
            assertThat(matches(policy, Map.of())).isTrue();
            assertThat(matches(policy, text("k", "x"))).isTrue();
            assertThat(matches(policy, text("k", "y"))).isFalse();
        }
    }

    @Nested
    class Or {

        @Test
        void topLevelOrOffersAlternatives() {
            String policy = "{\"source\": [\"shop\"], \"$or\": [{\"kind\": [\"order\"]}, {\"amount\": [{\"numeric\": [\">\", 100]}]}]}";
            assertThat(matches(policy, Map.of("source", FilterAttribute.string("shop"), "kind", FilterAttribute.string("order")))).isTrue();
            assertThat(matches(policy, Map.of("source", FilterAttribute.string("shop"), "amount", FilterAttribute.number("101")))).isTrue();
            assertThat(matches(policy, Map.of("source", FilterAttribute.string("shop"), "amount", FilterAttribute.number("99")))).isFalse();
            assertThat(matches(policy, Map.of("source", FilterAttribute.string("web"), "kind", FilterAttribute.string("order")))).isFalse();
        }

        @Test
        void nestedOr() {
            String policy = "{\"$or\": [{\"a\": [\"1\"]}, {\"$or\": [{\"b\": [\"2\"]}, {\"c\": [\"3\"]}]}]}";
            assertThat(matches(policy, text("c", "3"))).isTrue();
            assertThat(matches(policy, text("d", "4"))).isFalse();
        }

        @Test
        void needsAtLeastTwoAlternatives() {
            assertThatThrownBy(() -> FilterPolicy.parse("{\"$or\": [{\"a\": [\"1\"]}]}"))
                    .isInstanceOf(InvalidFilterPolicyException.class).hasMessageContaining("$or");
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"cidr", "wildcard", "unknown-op"})
        void unsupportedOperatorIsNamed(String operator) {
            assertThatThrownBy(() -> FilterPolicy.parse("{\"k\": [{\"" + operator + "\": \"x\"}]}"))
                    .isInstanceOf(InvalidFilterPolicyException.class)
                    .hasMessageContaining("unsupported operator \"" + operator + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "not json",
                "[]",
                "{}",
                "{\"k\": \"red\"}",
                "{\"k\": []}",
                "{\"k\": [null]}",
                "{\"k\": [true]}",
                "{\"k\": {\"nested\": [\"x\"]}}",
                "{\"k\": [{\"prefix\": \"a\", \"suffix\": \"b\"}]}",
                "{\"k\": [{\"prefix\": 5}]}",
                "{\"k\": [{\"exists\": \"yes\"}]}",
                "{\"k\": [{\"anything-but\": []}]}",
                "{\"k\": [{\"anything-but\": {\"numeric\": [\">\", 1]}}]}"})
        void malformedPoliciesAreRefused(String policy) {
            assertThatThrownBy(() -> FilterPolicy.parse(policy)).isInstanceOf(InvalidFilterPolicyException.class);
        }

        @Test
        void moreThanFiveKeysIsRefused() {
            assertThatThrownBy(() -> FilterPolicy.parse(
                    "{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],\"e\":[\"1\"],\"f\":[\"1\"]}"))
                    .isInstanceOf(InvalidFilterPolicyException.class).hasMessageContaining("5 keys");
        }

        @Test
        void moreThan150CombinationsIsRefused() {
            String values = "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]";
            String policy = "{\"a\":" + values + ",\"b\":" + values + ",\"c\":" + values + "}";
            assertThatThrownBy(() -> FilterPolicy.parse(policy))
                    .isInstanceOf(InvalidFilterPolicyException.class).hasMessageContaining("too complex");
            assertThat(FilterPolicy.parse("{\"a\":" + values + ",\"b\":" + values + "}")).isNotNull();
        }

        @Test
        void keysCountPerOrBranch() {
            String policy = "{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"$or\":[{\"d\":[\"1\"],\"e\":[\"1\"]},{\"f\":[\"1\"]}]}";
            assertThat(FilterPolicy.parse(policy)).as("5 keys in the first branch, 4 in the second").isNotNull();
            String tooMany = "{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"$or\":[{\"d\":[\"1\"],\"e\":[\"1\"],\"g\":[\"1\"]},{\"f\":[\"1\"]}]}";
            assertThatThrownBy(() -> FilterPolicy.parse(tooMany)).isInstanceOf(InvalidFilterPolicyException.class);
        }
    }

    @Test
    void attributesThePolicyDoesNotNameAreIgnored() {
        assertThat(matches("{\"c\": [\"red\"]}", Map.of("c", FilterAttribute.string("red"), "other", FilterAttribute.number("1"))))
                .isTrue();
    }
}
