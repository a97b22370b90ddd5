package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.CONSUMED_FROM;
import static dev.hake.core.wire.WireTestSupport.assertSameMessage;
import static dev.hake.core.wire.WireTestSupport.deliver;
import static dev.hake.core.wire.WireTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderRoundTripTest {

    @Test
    void everyHeaderSet() {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("payload");
        m.messageId("ID:7b0d8f6e-2c2a-4e43-9a55-1d2b8d7c6e5f");
        m.timestamp(1_726_000_000_123L);
        m.correlationId("order-42");
        m.replyTo(new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, "hake-tmp-3f2a"));
        m.destination(WireDestination.topic("orders.fifo"));
        m.deliveryMode(WireMessage.NON_PERSISTENT);
        m.type("OrderPlaced");
        m.expiration(1_726_000_060_123L);
        m.priority(9);
        m.deliveryTime(1_726_000_030_000L);

        WireMessage back = roundTrip(m);

        assertSameMessage(back, m);
        assertThat(back.deliveryCount()).isEqualTo(1);
    }

    @Test
    void defaultsAreLeftOutOfTheHakeAttribute() {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("x");
        m.messageId("ID:1");
        m.destination(WireDestination.queue("orders"));

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.attributes().get(WireAttributes.HEADER).stringValue()).isEqualTo("1;i=ID:1;d=q:orders");
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void extremeHeaderValues() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.timestamp(Long.MIN_VALUE);
        m.expiration(Long.MAX_VALUE);
        m.deliveryTime(-1);
        m.priority(0);
        m.deliveryMode(0);
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void nullMessageIdStaysNull() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        assertThat(roundTrip(m).messageId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a;b", "a%b", "a,b", "a=b", "%0041", "tab\there", "new\nline", "nul\u0000",
            "\uD800 lone", "😀 pair", "\uFFFF", "q:looks-like-a-destination"})
    void stringHeadersWithAwkwardCharacters(String s) {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.messageId(s);
        m.correlationId(s);
        m.type(s);
        m.destination(WireDestination.queue(s));
        m.replyTo(WireDestination.topic(s));

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(SqsText.isCarriable(encoded.attributes().get(WireAttributes.HEADER).stringValue())).isTrue();
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void correlationIdBytes() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.correlationIdBytes(new byte[] {0, 1, -1, 127, -128});

        WireMessage back = roundTrip(m);

        assertThat(back.correlationIdBytes()).containsExactly(0, 1, -1, 127, -128);
        assertThat(back.correlationId()).isNull();
    }

    @Test
    void emptyCorrelationIdBytesAreNotNull() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.correlationIdBytes(new byte[0]);
        assertThat(roundTrip(m).correlationIdBytes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(WireDestination.Kind.class)
    void everyDestinationKind(WireDestination.Kind kind) {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.destination(new WireDestination(kind, "dest-" + kind));
        m.replyTo(new WireDestination(kind, "reply-" + kind));
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void messageWithoutDestinationTakesTheOneItWasConsumedFrom() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        assertThat(roundTrip(m).destination()).isEqualTo(CONSUMED_FROM);
    }

    @Test
    void deliveryCountComesFromApproximateReceiveCount() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        assertThat(CODEC.decode(deliver(CODEC.encode(m), 3), WireTestSupport.consumedFrom(m)).deliveryCount()).isEqualTo(3);
    }

    @Test
    void hakeMessageKeepsItsOwnTimestampNotSqsSentTimestamp() {
        WireMessage m = new WireMessage(BodyKind.NONE);
        m.timestamp(0); // producer disabled timestamps
        assertThat(roundTrip(m).timestamp()).isZero();
    }

    @Test
    void aMessageReadFromAnotherQueueThanItsDestinationSaysWhereItWasSent() {
        for (WireDestination sentTo : List.of(WireDestination.queue("orders"), WireDestination.topic("prices"))) {
            WireMessage m = new WireMessage(BodyKind.TEXT);
            m.text("x");
            m.destination(sentTo);
            m.properties().put("customer", "c-7");

            WireMessage dead = CODEC.decode(deliver(CODEC.encode(m), 4), WireDestination.queue("orders-dlq"));

            assertThat(dead.destination()).isEqualTo(sentTo);
            assertThat(dead.properties()).containsEntry("customer", "c-7").containsEntry(
                    WireMessage.DEAD_LETTER_SOURCE_PROPERTY, (sentTo.isTopic() ? "topic://" : "queue://") + sentTo.name());
            assertThat(roundTrip(m).properties()).as("read where it was sent")
                    .doesNotContainKey(WireMessage.DEAD_LETTER_SOURCE_PROPERTY);
        }
    }
}
