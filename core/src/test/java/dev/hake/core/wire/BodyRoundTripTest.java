package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.assertSameMessage;
import static dev.hake.core.wire.WireTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyRoundTripTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain", "hello, world", "T"),
                Arguments.of("json", "{\"a\": [1, 2, \"x;y%z\"]}", "T"),
                Arguments.of("unicode", "héllo wörld 日本語 😀", "T"),
                Arguments.of("edges of the allowed range", "\t\n\r \uD7FF\uE000\uFFFD\uDBFF\uDFFF", "T"),
                Arguments.of("the placeholder itself", "-", "T"),
                Arguments.of("looks like base64", "AA==", "T"),
                Arguments.of("null", null, "T0"),
                Arguments.of("empty", "", "U"),
                Arguments.of("NUL", "a\u0000b", "U"),
                Arguments.of("control character", "bell\u0007", "U"),
                Arguments.of("U+FFFE and U+FFFF", "\uFFFE\uFFFF", "U"),
                Arguments.of("unpaired high surrogate", "a\uD800b", "W"),
                Arguments.of("unpaired low surrogate at the end", "ab\uDC00", "W"),
                Arguments.of("reversed pair", "\uDC00\uD800", "W"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void text(String label, String text, String expectedCode) {
        WireMessage m = message(BodyKind.TEXT);
        m.text(text);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(bodyCode(encoded)).isEqualTo(expectedCode);
        if (expectedCode.equals("T")) {
            assertThat(encoded.body()).as("text SQS can carry goes verbatim").isEqualTo(text);
        }
        assertSameMessage(roundTrip(m), m);
    }

    static Stream<Arguments> bytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("null", null),
                Arguments.of("one zero byte", new byte[1]),
                Arguments.of("every byte value", all),
                Arguments.of("large", new byte[100_000]));
    }

    @ParameterizedTest(name = "bytes: {0}")
    @MethodSource("bytes")
    void bytesBody(String label, byte[] bytes) {
        WireMessage m = message(BodyKind.BYTES);
        m.bytes(bytes);
        assertSameMessage(roundTrip(m), m);
    }

    @ParameterizedTest(name = "object: {0}")
    @MethodSource("bytes")
    void objectBody(String label, byte[] bytes) {
        WireMessage m = message(BodyKind.OBJECT);
        m.bytes(bytes);
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void bytesTravelAsPlainBase64SoOtherClientsCanReadThem() {
        WireMessage m = message(BodyKind.BYTES);
        m.bytes(new byte[] {1, 2, 3});

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.body()).isEqualTo("AQID");
        assertThat(bodyCode(encoded)).isEqualTo("B");
    }

    @Test
    void emptyAndNullBodiesUseThePlaceholderAndStayDistinct() {
        WireMessage empty = message(BodyKind.BYTES);
        empty.bytes(new byte[0]);
        WireMessage none = message(BodyKind.BYTES);

        assertThat(CODEC.encode(empty).body()).isEqualTo("-");
        assertThat(CODEC.encode(none).body()).isEqualTo("-");
        assertThat(roundTrip(empty).bytes()).isEmpty();
        assertThat(roundTrip(none).bytes()).isNull();
    }

    @Test
    void noBody() {
        WireMessage m = message(BodyKind.NONE);
        assertThat(CODEC.encode(m).body()).isEqualTo("-");
        assertSameMessage(roundTrip(m), m);
    }

    static Map<String, Object> everyValueType() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bool", true);
        map.put("false", false);
        map.put("byte", Byte.MIN_VALUE);
        map.put("short", Short.MIN_VALUE);
        map.put("char", '\uD800');
        map.put("charA", 'A');
        map.put("int", Integer.MIN_VALUE);
        map.put("long", Long.MAX_VALUE);
        map.put("float", Float.NaN);
        map.put("negativeZeroFloat", -0.0f);
        map.put("double", Double.NEGATIVE_INFINITY);
        map.put("negativeZeroDouble", -0.0);
        map.put("string", "日本語 😀");
        map.put("emptyString", "");
        map.put("brokenString", "x\uDC00");
        map.put("bytes", new byte[] {0, -1, 127});
        map.put("emptyBytes", new byte[0]);
        map.put("null", null);
        map.put("", "an empty name");
        map.put("name;with,odd%chars\u0000", 1);
        return map;
    }

    @Test
    void mapWithEveryValueType() {
        WireMessage m = message(BodyKind.MAP);
        m.map(everyValueType());
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void emptyAndNullMap() {
        WireMessage empty = message(BodyKind.MAP);
        empty.map(new LinkedHashMap<>());
        WireMessage none = message(BodyKind.MAP);

        assertSameMessage(roundTrip(empty), empty);
        assertSameMessage(roundTrip(none), none);
        assertThat(roundTrip(empty).map()).isEmpty();
        assertThat(roundTrip(none).map()).isNull();
    }

    @Test
    void streamWithEveryValueTypeInOrder() {
        WireMessage m = message(BodyKind.STREAM);
        List<Object> values = new ArrayList<>(everyValueType().values());
        values.add(null);
        values.add(Float.MIN_VALUE);
        values.add(Double.MAX_VALUE);
        values.add(Short.MAX_VALUE);
        values.add("a".repeat(300)); // a length that needs a two-byte varint
        m.stream(values);
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void emptyAndNullStream() {
        WireMessage empty = message(BodyKind.STREAM);
        empty.stream(new ArrayList<>());
        WireMessage none = message(BodyKind.STREAM);
        assertSameMessage(roundTrip(empty), empty);
        assertSameMessage(roundTrip(none), none);
    }

    @Test
    void bigMapAndLongStringsNeedMultiByteVarints() {
        WireMessage m = message(BodyKind.MAP);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            map.put("k" + i, i % 2 == 0 ? "v".repeat(i % 200) : (Object) (long) i);
        }
        map.put("long string", "x".repeat(70_000));
        m.map(map);
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void valuesAMapCannotHoldAreRefused() {
        WireMessage m = message(BodyKind.STREAM);
        m.stream(new ArrayList<>(Arrays.asList(1, new Object())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.encode(m))
                .isInstanceOf(dev.hake.core.WireFormatException.class)
                .hasMessageContaining("java.lang.Object");
    }

    static WireMessage message(BodyKind kind) {
        WireMessage m = new WireMessage(kind);
        m.messageId("ID:0f5e9c1c-64b3-4bb0-9b1e-6a3a1f0e2d11");
        m.destination(WireTestSupport.CONSUMED_FROM);
        return m;
    }

    /** The b field of the hake attribute; "T" when it is left out. */
    static String bodyCode(EncodedMessage encoded) {
        for (String field : encoded.attributes().get(WireAttributes.HEADER).stringValue().split(";")) {
            if (field.startsWith("b=")) {
                return field.substring(2);
            }
        }
        return "T";
    }
}
