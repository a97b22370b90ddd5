package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.CONSUMED_FROM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A message whose hake attributes cannot be read arrives as what it plainly is, a text with its raw
 * body, and a property naming what is wrong; nothing is guessed, and the consumer is not blocked.
 */
class MalformedMessageTest {

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                Arguments.of("2;b=B", "AQID", "format version '2'"),
                Arguments.of("", "x", "format version ''"),
                Arguments.of("1.0", "x", "format version '1.0'"),
                Arguments.of("1;", "x", "field 1 is not of the form"),
                Arguments.of("1;b", "x", "field 1 is not of the form"),
                Arguments.of("1;bB", "x", "field 1 is not of the form"),
                Arguments.of("1;z=1", "x", "unknown field 'z'"),
                Arguments.of("1;t=1;t=2", "x", "field 't' appears twice"),
                Arguments.of("1;t=soon", "x", "field 't' is not a whole number"),
                Arguments.of("1;p=99999999999", "x", "field 'p' is not a whole number"),
                Arguments.of("1;b=Q", "x", "unknown body code"),
                Arguments.of("1;b=B", "not base64!", "body is not base64"),
                Arguments.of("1;b=M", "-", "MAP body: ends early"),
                Arguments.of("1;b=M", b64(1, 9, 1, 'k', 99), "MAP body: unknown value tag 99"),
                Arguments.of("1;b=M", b64(1, 9, 1, 'k', 0, 0), "MAP body: 1 unexpected bytes after the end"),
                Arguments.of("1;b=M", b64(2, 9, 1, 'k', 0, 9, 1, 'k', 0), "MAP body: name 'k' appears twice"),
                Arguments.of("1;b=M", b64(1, 5, 1, 'k', 0), "MAP body: expected a string"),
                Arguments.of("1;b=S", b64(1, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0x07), "STREAM body: length"),
                Arguments.of("1;b=S", b64(0xFF, 0xFF, 0xFF, 0xFF, 0x07), "STREAM body: count"),
                Arguments.of("1;b=S", b64(1, 1, 2), "boolean byte 2"),
                Arguments.of("1;b=S", b64(1, 9, 2, 0xC3, 0x28), "invalid UTF-8 string in STREAM body"),
                Arguments.of("1;b=U", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF}), "not valid UTF-8"),
                Arguments.of("1;b=W", "AAAA", "odd number of bytes"),
                Arguments.of("1;c=a%zz", "x", "field 'c' has a bad %XXXX escape"),
                Arguments.of("1;c=a%00", "x", "field 'c' has a bad %XXXX escape"),
                Arguments.of("1;c=%٠٠٤١", "x", "field 'c' has a bad %XXXX escape"),
                Arguments.of("1;c=a;C=AA==", "x", "'c' and 'C' both"),
                Arguments.of("1;C=***", "x", "field 'C' is not base64"),
                Arguments.of("1;d=orders", "x", "field 'd' is not a destination"),
                Arguments.of("1;r=x:orders", "x", "field 'r' is not a destination"),
                Arguments.of("1;n=Icount", "x", "lists property 'count' but the message has no such attribute"),
                Arguments.of("1;n=Xcount", "x", "neither '*' nor a type letter"),
                Arguments.of("1;n=I", "x", "neither '*' nor a type letter"),
                Arguments.of("1;n=", "x", "neither '*' nor a type letter"),
                Arguments.of("1;n=*", "x", "lists 1 packed properties but the message has no hake.props"),
                Arguments.of("1;n=Thake", "x", "lists property 'hake'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedHeaders")
    void malformedHakeAttribute(String header, String body, String expectedMessage) {
        assertUnreadable(decode(body, Map.of(WireAttributes.HEADER, string("String", header))), body, expectedMessage);
    }

    static Stream<Arguments> malformedAttributes() {
        return Stream.of(
                Arguments.of("1;n=Icount", Map.of("count", string("String", "5")), "should be a Number"),
                Arguments.of("1;n=Icount", Map.of("count", string("Number", "5.5")), "does not hold a INT value"),
                Arguments.of("1;n=Bcount", Map.of("count", string("Number", "300")), "out of range"),
                Arguments.of("1;n=Dcount", Map.of("count", string("Number", "NaN")), "does not hold a DOUBLE"),
                Arguments.of("1;n=Dcount", Map.of("count", string("Number", "0x1p3")), "does not hold a DOUBLE"),
                Arguments.of("1;n=Zflag", Map.of("flag", string("String", "yes")), "neither true nor false"),
                Arguments.of("1;n=Tname", Map.of("name", binary("Binary", new byte[] {1})), "should be a String"),
                Arguments.of("1;n=*", Map.of("hake.props", string("String", "%%%")), "hake.props attribute is not base64"),
                Arguments.of("1;n=*", Map.of("hake.props", binary("Binary", new byte[] {0})), "is not a String"),
                Arguments.of("1;n=*", Map.of("hake.props", string("String", b64(0))), "holds 0 properties but"),
                Arguments.of("1", Map.of("hake.props", string("String", b64(1, 9, 1, 'p', 5, 0, 0, 0, 1))),
                        "holds 1 properties but"),
                Arguments.of("1;n=*", Map.of("hake.props", string("String", b64(2, 9, 1, 'p'))), "count 2"),
                Arguments.of("1;n=*", Map.of("hake.props", string("String", b64(1, 9, 1, 'p', 4, 0, 65))),
                        "property 'p' has a value of a type properties cannot have: Character"),
                Arguments.of("1;n=*", Map.of("hake.props", string("String", b64(1, 9, 1, 'p', 0))),
                        "cannot have: null"),
                Arguments.of("1;n=Tp,*", Map.of("p", string("String", "v"),
                        "hake.props", string("String", b64(1, 9, 1, 'p', 5, 0, 0, 0, 1))), "property 'p' appears twice"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedAttributes")
    void attributesThatDisagreeWithTheHakeAttribute(String header, Map<String, MessageAttributeValue> others,
            String expectedMessage) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(others);
        attributes.put(WireAttributes.HEADER, string("String", header));
        assertUnreadable(decode("x", attributes), "x", expectedMessage);
    }

    @org.junit.jupiter.api.Test
    void hakeAttributeThatIsNotAStringIsRefused() {
        assertUnreadable(decode("x", Map.of(WireAttributes.HEADER, binary("Binary", new byte[] {'1'}))), "x",
                "not a String");
        assertUnreadable(decode("x", Map.of(WireAttributes.HEADER, string("Number", "1"))), "x", "not a String");
    }

    @org.junit.jupiter.api.Test
    void anUnreadableMessageKeepsItsReadableAttributesAndDropsHakesOwn() {
        WireMessage m = decode("raw", Map.of(WireAttributes.HEADER, string("String", "1;b=Q"),
                "hake.props", string("String", "AA=="), "tenant", string("String", "acme"),
                "count", string("Number", "7")));

        assertUnreadable(m, "raw", "unknown body code");
        assertThat(m.properties()).containsEntry("tenant", "acme").containsKey("count")
                .doesNotContainKeys(WireAttributes.HEADER, "hake.props");
        assertThat(m.messageId()).isEqualTo("ID:m");
    }

    private static void assertUnreadable(WireMessage m, String body, String expectedReason) {
        assertThat(m.bodyKind()).isEqualTo(BodyKind.TEXT);
        assertThat(m.text()).isEqualTo(body);
        assertThat(m.properties().get(WireMessage.UNREADABLE_PROPERTY)).asString().contains(expectedReason);
    }

    private static WireMessage decode(String body, Map<String, MessageAttributeValue> attributes) {
        return CODEC.decode(Message.builder().messageId("m").body(body).messageAttributes(attributes).build(),
                CONSUMED_FROM);
    }

    static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    static MessageAttributeValue binary(String type, byte[] value) {
        return MessageAttributeValue.builder().dataType(type).binaryValue(SdkBytes.fromByteArray(value)).build();
    }

    static String b64(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Base64.getEncoder().encodeToString(b);
    }
}
