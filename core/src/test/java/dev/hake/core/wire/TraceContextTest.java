package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.CONSUMED_FROM;
import static dev.hake.core.wire.WireTestSupport.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import org.junit.jupiter.api.Test;

/** Trace context travels in hake's attribute: it never takes a slot from the application's properties. */
class TraceContextTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static WireMessage message(int properties) {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("traced");
        m.destination(CONSUMED_FROM);
        for (int i = 0; i < properties; i++) {
            m.properties().put("p" + i, "v" + i);
        }
        m.properties().put(TraceContext.TRACEPARENT, TRACEPARENT);
        m.properties().put(TraceContext.TRACESTATE, "vendor=a;b,c=%");
        return m;
    }

    @Test
    void nineNativePropertiesStayNativeBesideTheTraceContext() {
        EncodedMessage encoded = CODEC.encode(message(9));

        assertThat(encoded.attributes()).hasSize(10).doesNotContainKey(WireAttributes.PACKED_PROPERTIES)
                .doesNotContainKey(TraceContext.TRACEPARENT);
        WireMessage read = CODEC.decode(deliver(encoded, 1), CONSUMED_FROM);
        assertThat(read.properties()).hasSize(11).containsEntry(TraceContext.TRACEPARENT, TRACEPARENT)
                .containsEntry(TraceContext.TRACESTATE, "vendor=a;b,c=%").containsEntry("p8", "v8");
    }

    @Test
    void withASlotLeftTheTraceparentIsAPlainAttributeTooAndReadOnce() {
        EncodedMessage encoded = CODEC.encode(message(2));

        assertThat(encoded.attributes()).containsKey(TraceContext.TRACEPARENT).hasSize(4);
        assertThat(encoded.attributes().get(TraceContext.TRACEPARENT).stringValue()).isEqualTo(TRACEPARENT);
        WireMessage read = CODEC.decode(deliver(encoded, 1), CONSUMED_FROM);
        assertThat(read.properties()).hasSize(4).containsEntry(TraceContext.TRACEPARENT, TRACEPARENT);
    }

    @Test
    void aBodyInS3StillLeavesRoomForItsSizeAttribute() {
        EncodedMessage encoded = CODEC.encodeForS3(message(9));

        assertThat(encoded.attributes()).hasSizeLessThanOrEqualTo(9).doesNotContainKey(TraceContext.TRACEPARENT);
    }

    @Test
    void aTraceparentThatIsNotAStringIsAnOrdinaryProperty() {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("odd");
        m.properties().put(TraceContext.TRACEPARENT, 42);

        WireMessage read = CODEC.decode(deliver(CODEC.encode(m), 1), CONSUMED_FROM);
        assertThat(read.properties()).containsEntry(TraceContext.TRACEPARENT, 42);
    }
}
