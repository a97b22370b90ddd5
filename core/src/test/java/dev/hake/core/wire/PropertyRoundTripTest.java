package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.CONSUMED_FROM;
import static dev.hake.core.wire.WireTestSupport.assertSameMessage;
import static dev.hake.core.wire.WireTestSupport.deliver;
import static dev.hake.core.wire.WireTestSupport.roundTrip;
import static dev.hake.core.wire.WireTestSupport.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.BodyKind;
import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class PropertyRoundTripTest {

    /** A value, and the native attribute it becomes ("String:red", "Number:5"), or null when it must be packed. */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("red", "String:red"),
                Arguments.of("true", "String:true"),
                Arguments.of("日本語 😀", "String:日本語 😀"),
                Arguments.of("", null),
                Arguments.of("nul\u0000", null),
                Arguments.of("\uFFFE", null),
                Arguments.of("lone \uD800", null),
                Arguments.of(true, "String:true"),
                Arguments.of(false, "String:false"),
                Arguments.of(Byte.MIN_VALUE, "Number:-128"),
                Arguments.of(Byte.MAX_VALUE, "Number:127"),
                Arguments.of(Short.MIN_VALUE, "Number:-32768"),
                Arguments.of(Short.MAX_VALUE, "Number:32767"),
                Arguments.of(0, "Number:0"),
                Arguments.of(1_000_000_000, "Number:1000000000"),
                Arguments.of(-1_000_000_000, "Number:-1000000000"),
                Arguments.of(1_000_000_001, null),
                Arguments.of(Integer.MIN_VALUE, null),
                Arguments.of(Integer.MAX_VALUE, null),
                Arguments.of(0L, "Number:0"),
                Arguments.of(-7L, "Number:-7"),
                Arguments.of(1_726_000_000_000L, null),
                Arguments.of(Long.MIN_VALUE, null),
                Arguments.of(Long.MAX_VALUE, null),
                Arguments.of(1.5f, "Number:1.5"),
                Arguments.of(0.0f, "Number:0"),
                Arguments.of(1e9f, "Number:1000000000"),
                Arguments.of(0.1f, null), // 0.100000001490116... as the double a selector sees
                Arguments.of(-0.0f, null),
                Arguments.of(Float.NaN, null),
                Arguments.of(Float.POSITIVE_INFINITY, null),
                Arguments.of(Float.NEGATIVE_INFINITY, null),
                Arguments.of(Float.MIN_VALUE, null),
                Arguments.of(Float.MAX_VALUE, null),
                Arguments.of(0.1, "Number:0.1"),
                Arguments.of(3.0, "Number:3"),
                Arguments.of(-2.5, "Number:-2.5"),
                Arguments.of(123456.12345, "Number:123456.12345"),
                Arguments.of(0.000001, null),
                Arguments.of(1e10, null),
                Arguments.of(-0.0, null),
                Arguments.of(0.0, "Number:0"),
                Arguments.of(Double.NaN, null),
                Arguments.of(Double.POSITIVE_INFINITY, null),
                Arguments.of(Double.NEGATIVE_INFINITY, null),
                Arguments.of(Double.MIN_VALUE, null),
                Arguments.of(Double.MAX_VALUE, null),
                Arguments.of(Double.longBitsToDouble(0x7ff8000000000123L), null)); // a NaN with a payload
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("values")
    void valueRoundTripsWithItsTypeNativeOrPacked(Object value, String expectedNative) {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("prop", value);

        EncodedMessage encoded = CODEC.encode(m);
        EncodedAttribute attribute = encoded.attributes().get("prop");

        if (expectedNative == null) {
            assertThat(attribute).as("packed").isNull();
            assertThat(encoded.attributes()).containsKey(WireAttributes.PACKED_PROPERTIES);
        } else {
            assertThat(attribute.dataType() + ":" + attribute.stringValue()).isEqualTo(expectedNative);
            assertThat(encoded.attributes()).doesNotContainKey(WireAttributes.PACKED_PROPERTIES);
        }
        assertThat(typed(roundTrip(m).properties().get("prop"))).isEqualTo(typed(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"color", "JMSXGroupID", "my-prop.x_1", "Amazonian", "awsome", "hakeish", "a.b.c"})
    void namesAwsTakesGoNative(String name) {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put(name, "v");
        assertThat(CODEC.encode(m).attributes()).containsKey(name).doesNotContainKey(WireAttributes.PACKED_PROPERTIES);
        assertThat(roundTrip(m).properties()).containsExactly(Map.entry(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "ünï", "a..b", ".a", "a.", "AWS.x", "aws.x", "Amazon.x", "amazon.foo",
            "hake", "hake.props", "hake.other", "semi;colon", "comma,name", "star*", "%", "x\u0000"})
    void namesAwsRefusesOrHakeReservesArePacked(String name) {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put(name, 42);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.attributes()).containsOnlyKeys(WireAttributes.HEADER, WireAttributes.PACKED_PROPERTIES);
        WireMessage back = roundTrip(m);
        assertThat(back.properties()).containsExactly(Map.entry(name, 42));
    }

    @Test
    void namesUpTo256CharactersGoNative() {
        namesAwsTakesGoNative("n".repeat(256));
        namesAwsRefusesOrHakeReservesArePacked("n".repeat(257));
    }

    @ParameterizedTest(name = "{0} properties")
    @MethodSource("counts")
    void manyProperties(int count, int expectedNative, int expectedPacked) {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("body");
        for (int i = 0; i < count; i++) {
            m.properties().put("p" + i, i % 3 == 0 ? "s" + i : i % 3 == 1 ? (Object) i : (Object) (i % 2 == 0));
        }

        EncodedMessage encoded = CODEC.encode(m);

        long nativeCount = encoded.attributes().keySet().stream().filter(n -> n.startsWith("p")).count();
        assertThat(nativeCount).isEqualTo(expectedNative);
        assertThat(encoded.attributes()).hasSizeLessThanOrEqualTo(10);
        assertThat(encoded.attributes().containsKey(WireAttributes.PACKED_PROPERTIES)).isEqualTo(expectedPacked > 0);
        WireMessage back = roundTrip(m);
        assertSameMessage(back, m);
        assertThat(back.properties()).hasSize(count);
    }

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of(0, 0, 0),
                Arguments.of(1, 1, 0),
                Arguments.of(9, 9, 0),
                Arguments.of(10, 8, 2),
                Arguments.of(17, 8, 9),
                Arguments.of(40, 8, 32));
    }

    @Test
    void firstPropertiesSetWinTheNativeSlots() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        for (int i = 0; i < 12; i++) {
            m.properties().put("p" + i, i);
        }
        assertThat(CODEC.encode(m).attributes().keySet())
                .containsExactly("hake", "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "hake.props");
    }

    @Test
    void onePackedPropertyTakesTheNinthSlotForTheBlock() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        for (int i = 0; i < 8; i++) {
            m.properties().put("p" + i, i);
        }
        m.properties().put("bad name", 1);
        m.properties().put("p8", 8);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.attributes()).hasSize(10).containsKey(WireAttributes.PACKED_PROPERTIES)
                .doesNotContainKey("p8");
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void orderIsKeptAcrossNativeAndPackedProperties() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("a", "x");
        m.properties().put("not native", 1L);
        m.properties().put("b", (short) 2);
        m.properties().put("c", Double.NaN);
        m.properties().put("d", true);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.attributes().get(WireAttributes.HEADER).stringValue()).endsWith(";n=Ta,*,Sb,*,Zd");
        assertThat(roundTrip(m).properties().keySet()).containsExactly("a", "not native", "b", "c", "d");
    }

    @Test
    void stringTrueAndBooleanTrueLookAlikeToSnsButComeBackAsSent() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("s", "true");
        m.properties().put("z", true);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.attributes().get("s")).isEqualTo(encoded.attributes().get("z"));
        assertThat(roundTrip(m).properties()).containsExactly(Map.entry("s", "true"), Map.entry("z", true));
    }

    @Test
    void numbersReadBackWhenSnsRewritesTheirDecimalForm() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("b", (byte) 5);
        m.properties().put("i", 100);
        m.properties().put("f", 1.5f);
        m.properties().put("d", -2.25);
        EncodedMessage encoded = CODEC.encode(m);
        Map<String, String> rewritten = Map.of("b", "5.0", "i", "1E+2", "f", "1.50", "d", "-225e-2");

        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(CODEC.toSqsAttributes(encoded));
        rewritten.forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("Number").stringValue(value).build()));
        Message received = deliver(encoded, 1).toBuilder().messageAttributes(attributes).build();

        assertSameMessage(CODEC.decode(received, CONSUMED_FROM), m);
    }

    @Test
    void propertyOfATypeJmsDoesNotAllowIsRefused() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("c", 'c');
        assertThatThrownBy(() -> CODEC.encode(m)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("'c'").hasMessageContaining("Character");
    }

    @Test
    void nullPropertyValueIsRefused() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put("n", null);
        assertThatThrownBy(() -> CODEC.encode(m)).isInstanceOf(WireFormatException.class).hasMessageContaining("'n'");
    }

    @Test
    void nullPropertyNameIsRefused() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.properties().put(null, 1);
        assertThatThrownBy(() -> CODEC.encode(m)).isInstanceOf(WireFormatException.class).hasMessageContaining("null name");
    }

    @Test
    void everyTypeAndEdgeValueTogether() {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("t");
        List<Object> all = values().map(a -> a.get()[0]).toList();
        for (int i = 0; i < all.size(); i++) {
            m.properties().put("v" + i, all.get(i));
        }
        assertSameMessage(roundTrip(m), m);
    }
}
