package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.CONSUMED_FROM;
import static dev.hake.core.wire.WireTestSupport.deliver;
import static dev.hake.core.wire.WireTestSupport.typedMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Messages from producers that know nothing of hake: a Lambda, the console, a Go service. */
class ForeignMessageTest {

    @Test
    void plainMessageIsATextMessage() {
        Message received = Message.builder()
                .messageId("c7a1e0b2-9d0f-4f5e-8a5b-2d7c1b3e4f60")
                .body("{\"order\": 42}")
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1726000000123",
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"))
                .build();

        WireMessage m = CODEC.decode(received, CONSUMED_FROM);

        assertThat(m.bodyKind()).isEqualTo(BodyKind.TEXT);
        assertThat(m.text()).isEqualTo("{\"order\": 42}");
        assertThat(m.messageId()).isEqualTo("ID:c7a1e0b2-9d0f-4f5e-8a5b-2d7c1b3e4f60");
        assertThat(m.timestamp()).isEqualTo(1_726_000_000_123L);
        assertThat(m.deliveryCount()).isEqualTo(2);
        assertThat(m.destination()).isEqualTo(CONSUMED_FROM);
        assertThat(m.deliveryMode()).isEqualTo(WireMessage.PERSISTENT);
        assertThat(m.priority()).isEqualTo(WireMessage.DEFAULT_PRIORITY);
        assertThat(m.correlationId()).isNull();
        assertThat(m.replyTo()).isNull();
        assertThat(m.properties()).isEmpty();
    }

    @Test
    void withoutSystemAttributesTheDeliveryCountIsOneAndTheTimestampZero() {
        WireMessage m = CODEC.decode(Message.builder().messageId("x").body("b").build(), CONSUMED_FROM);
        assertThat(m.deliveryCount()).isEqualTo(1);
        assertThat(m.timestamp()).isZero();
    }

    @Test
    void stringAndNumberAttributesBecomePropertiesBinaryOnesAreSkipped() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("store", string("String", "berlin"));
        attributes.put("count", string("Number", "42"));
        attributes.put("negative", string("Number", "-3"));
        attributes.put("price", string("Number", "1.5"));
        attributes.put("whole", string("Number", "5.000"));
        attributes.put("exponent", string("Number", "1e3"));
        attributes.put("huge", string("Number", "123456789012345678901234567890"));
        attributes.put("labelled", string("Number.float", "2.5"));
        attributes.put("json", string("String.json", "{}"));
        attributes.put("blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {1})).build());
        attributes.put("gz", MessageAttributeValue.builder().dataType("Binary.gzip")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {2})).build());

        WireMessage m = CODEC.decode(Message.builder().messageId("x").body("b").messageAttributes(attributes).build(),
                CONSUMED_FROM);

        assertThat(typedMap(m.properties())).as("sorted by name, Long when whole, Double otherwise").containsExactly(
                "count=Long:42",
                "exponent=Long:1000",
                "huge=Double:1.2345678901234568E29/bits " + Long.toHexString(Double.doubleToRawLongBits(1.2345678901234568E29)),
                "json=String:{}",
                "labelled=Double:2.5/bits " + Long.toHexString(Double.doubleToRawLongBits(2.5)),
                "negative=Long:-3",
                "price=Double:1.5/bits " + Long.toHexString(Double.doubleToRawLongBits(1.5)),
                "store=String:berlin",
                "whole=Long:5");
    }

    @Test
    void packedPropertiesWithoutTheHakeAttributeAreNotGuessedAt() {
        Message received = Message.builder().messageId("x").body("b")
                .messageAttributes(Map.of(WireAttributes.PACKED_PROPERTIES, string("String", "AA==")))
                .build();
        WireMessage m = CODEC.decode(received, CONSUMED_FROM);
        assertThat(m.text()).isEqualTo("b");
        assertThat(m.properties()).doesNotContainKey(WireAttributes.PACKED_PROPERTIES);
        assertThat(m.properties().get(WireMessage.UNREADABLE_PROPERTY)).asString()
                .contains("hake.props").contains("no hake attribute");
    }

    @Test
    void attributesAddedToAHakeMessageOnTheWayAreKeptAfterItsOwn() {
        WireMessage sent = new WireMessage(BodyKind.TEXT);
        sent.text("t");
        sent.properties().put("mine", 1);
        EncodedMessage encoded = CODEC.encode(sent);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(CODEC.toSqsAttributes(encoded));
        attributes.put("addedBy", string("String", "forwarder"));

        WireMessage m = CODEC.decode(deliver(encoded, 1).toBuilder().messageAttributes(attributes).build(),
                CONSUMED_FROM);

        assertThat(m.properties()).containsExactly(Map.entry("mine", 1), Map.entry("addedBy", "forwarder"));
    }

    @Test
    void aNonJmsProducerCanSendBytesByWritingTheHakeAttributeItself() {
        Message received = Message.builder().messageId("x").body("AQID")
                .messageAttributes(Map.of(WireAttributes.HEADER, string("String", "1;b=B"),
                        "tenant", string("String", "acme")))
                .build();

        WireMessage m = CODEC.decode(received, CONSUMED_FROM);

        assertThat(m.bodyKind()).isEqualTo(BodyKind.BYTES);
        assertThat(m.bytes()).containsExactly(1, 2, 3);
        assertThat(m.destination()).isEqualTo(CONSUMED_FROM);
        assertThat(m.properties()).containsExactly(Map.entry("tenant", "acme"));
    }

    static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }
}
