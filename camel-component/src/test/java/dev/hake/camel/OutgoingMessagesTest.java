package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.BodyKind;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class OutgoingMessagesTest {

    private final CamelContext context = new DefaultCamelContext();
    private final WireDestination queue = WireDestination.queue("jobs");

    private WireMessage toWire(Object body, Map<String, Object> headers) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        headers.forEach(exchange.getMessage()::setHeader);
        return OutgoingMessages.toWire(exchange, queue, new HakeHeaderFilterStrategy());
    }

    @Test
    void bodiesBecomeTextBytesOrNothing() throws Exception {
        assertThat(toWire("hi", Map.of()).bodyKind()).isEqualTo(BodyKind.TEXT);
        assertThat(toWire(null, Map.of()).bodyKind()).isEqualTo(BodyKind.NONE);
        WireMessage bytes = toWire(new byte[] {1, 2}, Map.of());
        assertThat(bytes.bodyKind()).isEqualTo(BodyKind.BYTES);
        assertThat(bytes.bytes()).containsExactly(1, 2);
        assertThat(toWire(new ByteArrayInputStream(new byte[] {3}), Map.of()).bytes()).containsExactly(3);
        WireMessage number = toWire(new BigDecimal("1.50"), Map.of());
        assertThat(number.bodyKind()).isEqualTo(BodyKind.TEXT);
        assertThat(number.text()).isEqualTo("1.50");
    }

    @Test
    void headerFieldsComeFromHakeHeadersAndAreNotProperties() throws Exception {
        WireMessage wire = toWire("x", Map.of(HakeConstants.CORRELATION_ID, "c", HakeConstants.TYPE, "t",
                HakeConstants.REPLY_TO, "topic:answers", HakeConstants.PRIORITY, "9",
                HakeConstants.DELIVERY_MODE, 1, HakeConstants.TIME_TO_LIVE, 60_000L,
                HakeConstants.DELIVERY_DELAY, "5000", HakeConstants.GROUP_ID, "g"));

        assertThat(wire.messageId()).startsWith("ID:");
        assertThat(wire.destination()).isEqualTo(queue);
        assertThat(wire.correlationId()).isEqualTo("c");
        assertThat(wire.type()).isEqualTo("t");
        assertThat(wire.replyTo()).isEqualTo(WireDestination.topic("answers"));
        assertThat(wire.priority()).isEqualTo(9);
        assertThat(wire.deliveryMode()).isEqualTo(WireMessage.NON_PERSISTENT);
        assertThat(wire.expiration() - wire.timestamp()).isEqualTo(60_000L);
        assertThat(wire.deliveryTime() - wire.timestamp()).isEqualTo(5_000L);
        assertThat(wire.properties()).containsExactly(Map.entry("JMSXGroupID", "g"));
    }

    @Test
    void onlyValidPropertyNamesAndTypesTravel() throws Exception {
        Map<String, Object> headers = new java.util.LinkedHashMap<>();
        headers.put("count", 1);
        headers.put("price", new BigDecimal("2.5"));
        headers.put("flag", false);
        headers.put("letter", 'q');
        headers.put("CamelFileName", "f");
        headers.put("org.apache.camel.x", "y");
        headers.put("JMSCorrelationID", "z");
        headers.put("JMSXDeliveryCount", 3);
        headers.put("JMSXGroupSeq", 4);
        headers.put("has-dash", "d");
        headers.put("and", "reserved");
        headers.put("list", List.of(1));
        WireMessage wire = toWire("x", headers);

        assertThat(wire.properties()).containsOnly(Map.entry("count", 1), Map.entry("price", "2.5"),
                Map.entry("flag", false), Map.entry("letter", "q"), Map.entry("JMSXGroupSeq", 4));
    }

    @Test
    void badHeaderFieldValuesAreRefusedByName() {
        assertThatThrownBy(() -> toWire("x", Map.of(HakeConstants.PRIORITY, 10)))
                .hasMessageContaining(HakeConstants.PRIORITY);
        assertThatThrownBy(() -> toWire("x", Map.of(HakeConstants.DELIVERY_MODE, "SOMETIMES")))
                .hasMessageContaining(HakeConstants.DELIVERY_MODE);
        assertThatThrownBy(() -> toWire("x", Map.of(HakeConstants.REPLY_TO, "mailbox:x")))
                .hasMessageContaining("mailbox:x");
        assertThatThrownBy(() -> toWire("x", Map.of(HakeConstants.DELIVERY_DELAY, -1)))
                .hasMessageContaining(HakeConstants.DELIVERY_DELAY);
    }
}
