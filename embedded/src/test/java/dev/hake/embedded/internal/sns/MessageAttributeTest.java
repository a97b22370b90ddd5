package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.embedded.internal.filter.FilterAttribute;
import org.junit.jupiter.api.Test;

class MessageAttributeTest {

    @Test
    void customTypesKeepTheirBaseType() {
        assertThat(MessageAttribute.of("n", "Number.float", "1.5", null).baseType()).isEqualTo("Number");
        assertThat(MessageAttribute.of("s", "String.Array", "[1]", null).baseType()).isEqualTo("String.Array");
        assertThat(MessageAttribute.of("b", "Binary.gif", null, "AAE=").binaryValue()).containsExactly(0, 1);
    }

    @Test
    void filtersSeeStringsNumbersAndArraysButNotBinary() {
        assertThat(MessageAttribute.of("s", "String", "v", null).forFilter()).isEqualTo(FilterAttribute.string("v"));
        assertThat(MessageAttribute.of("n", "Number", "2", null).forFilter()).isEqualTo(FilterAttribute.number("2"));
        assertThat(MessageAttribute.of("b", "Binary", null, "AA==").forFilter()).isNull();
    }

    @Test
    void invalidAttributesAreRefusedAsSnsRefusesThem() {
        assertThatThrownBy(() -> MessageAttribute.of("n", "Number", "twelve", null))
                .isInstanceOf(SnsError.class).hasMessageContaining("Could not cast message attribute 'n' value to number");
        assertThatThrownBy(() -> MessageAttribute.of("s", "String", null, null)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> MessageAttribute.of("s", null, "v", null)).hasMessageContaining("type");
        assertThatThrownBy(() -> MessageAttribute.of("s", "Text", "v", null)).hasMessageContaining("Binary, Number, and String");
        assertThatThrownBy(() -> MessageAttribute.of("a", "String.Array", "not an array", null)).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> MessageAttribute.of("b", "Binary", null, "%%%")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> MessageAttribute.of("bad name", "String", "v", null)).hasMessageContaining("name");
        assertThatThrownBy(() -> MessageAttribute.of("a..b", "String", "v", null)).hasMessageContaining("name");
    }

    @Test
    void invalidValuesAreParameterValueInvalid() {
        assertThatThrownBy(() -> MessageAttribute.of("n", "Number", "x", null))
                .satisfies(e -> assertThat(((SnsError) e).code()).isEqualTo("ParameterValueInvalid"));
    }
}
