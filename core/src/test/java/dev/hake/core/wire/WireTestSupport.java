package dev.hake.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Builds SQS deliveries from encoded messages and compares messages field by field, types included. */
final class WireTestSupport {

    static final WireCodec CODEC = new WireCodec();
    static final WireDestination CONSUMED_FROM = WireDestination.queue("consumed-from");

    private WireTestSupport() {
    }

    /** What ReceiveMessage would return for {@code encoded}: same body and attributes, plus system attributes. */
    static Message deliver(EncodedMessage encoded, int receiveCount) {
        return Message.builder()
                .messageId("5fea7756-0ea4-451a-a703-a558b933e274")
                .receiptHandle("handle")
                .body(encoded.body())
                .messageAttributes(CODEC.toSqsAttributes(encoded))
                .attributes(Map.of(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(receiveCount),
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000"))
                .build();
    }

    /** Encodes and decodes, as if read from the queue it was sent to. */
    static WireMessage roundTrip(WireMessage message) {
        EncodedMessage encoded = CODEC.encode(message);
        assertWireLegal(encoded);
        return CODEC.decode(deliver(encoded, 1), consumedFrom(message));
    }

    /**
     * Where a consumer reads {@code sent}: from the destination it was sent to (a message read
     * elsewhere was moved there, as a dead letter), or from {@link #CONSUMED_FROM} if it names none.
     */
    static WireDestination consumedFrom(WireMessage sent) {
        return sent.destination() == null ? CONSUMED_FROM : sent.destination();
    }

    /** What SNS and SQS would refuse: too many attributes, bad names, empty or uncarriable text. */
    static void assertWireLegal(EncodedMessage encoded) {
        assertThat(encoded.attributes()).hasSizeLessThanOrEqualTo(WireAttributes.MAX_ATTRIBUTES);
        assertThat(encoded.body()).isNotEmpty();
        assertThat(SqsText.isCarriable(encoded.body())).as("body is carriable").isTrue();
        encoded.attributes().forEach((name, a) -> {
            assertThat(name).matches("[A-Za-z0-9_.-]{1,256}").doesNotStartWith(".").doesNotEndWith(".")
                    .doesNotContain("..");
            assertThat(name.toLowerCase()).doesNotStartWith("aws.").doesNotStartWith("amazon.");
            assertThat(a.stringValue()).isNotEmpty();
            assertThat(SqsText.isCarriable(a.stringValue())).as("value of %s is carriable", name).isTrue();
            if (a.dataType().equals("Number")) {
                // Plain decimal inside SNS's numeric matching range, at most five digits after the point.
                assertThat(a.stringValue()).matches("-?[0-9]{1,10}(\\.[0-9]{1,5})?");
                assertThat(Math.abs(Double.parseDouble(a.stringValue()))).isLessThanOrEqualTo(1e9);
            }
        });
    }

    static void assertSameMessage(WireMessage actual, WireMessage expected) {
        assertThat(actual.bodyKind()).as("body kind").isEqualTo(expected.bodyKind());
        assertThat(actual.text()).as("text").isEqualTo(expected.text());
        assertThat(typed(actual.bytes())).as("bytes").isEqualTo(typed(expected.bytes()));
        assertThat(typedMap(actual.map())).as("map").isEqualTo(typedMap(expected.map()));
        assertThat(typedList(actual.stream())).as("stream").isEqualTo(typedList(expected.stream()));
        assertThat(actual.messageId()).as("message id").isEqualTo(expected.messageId());
        assertThat(actual.timestamp()).as("timestamp").isEqualTo(expected.timestamp());
        assertThat(actual.correlationId()).as("correlation id").isEqualTo(expected.correlationId());
        assertThat(actual.correlationIdBytes()).as("correlation id bytes").isEqualTo(expected.correlationIdBytes());
        assertThat(actual.replyTo()).as("reply to").isEqualTo(expected.replyTo());
        // A message sent without a destination arrives with the one it was consumed from.
        assertThat(actual.destination()).as("destination")
                .isEqualTo(expected.destination() == null ? CONSUMED_FROM : expected.destination());
        assertThat(actual.deliveryMode()).as("delivery mode").isEqualTo(expected.deliveryMode());
        assertThat(actual.type()).as("type").isEqualTo(expected.type());
        assertThat(actual.expiration()).as("expiration").isEqualTo(expected.expiration());
        assertThat(actual.priority()).as("priority").isEqualTo(expected.priority());
        assertThat(actual.deliveryTime()).as("delivery time").isEqualTo(expected.deliveryTime());
        assertThat(typedMap(actual.properties())).as("properties, in order").isEqualTo(typedMap(expected.properties()));
    }

    /** "name=Type:value" in order, so that a Long 5 and an Integer 5, or 0.0 and -0.0, differ. */
    static List<String> typedMap(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(k + "=" + typed(v)));
        return out;
    }

    static List<String> typedList(List<Object> list) {
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(typed(v)));
        return out;
    }

    static String typed(Object v) {
        if (v == null) {
            return "null";
        }
        String value;
        if (v instanceof byte[] b) {
            value = Arrays.toString(b);
        } else if (v instanceof Float f) {
            value = f + "/bits " + Integer.toHexString(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            value = d + "/bits " + Long.toHexString(Double.doubleToRawLongBits(d));
        } else {
            value = String.valueOf(v);
        }
        return v.getClass().getSimpleName() + ":" + value;
    }
}
