package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.assertSameMessage;
import static dev.hake.core.wire.WireTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/wire-format.md, byte for byte. The format is a contract with other clients
 * and older hake versions: if one of these fails, either the change is a mistake or it needs a new
 * format version and new documentation.
 */
class WireFormatExamplesTest {

    @Test
    void textMessageWithNativeProperties() {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("{\"order\": 42}");
        m.messageId("ID:9b2f3c1e-8d4a-4f6b-a1c2-3d4e5f607182");
        m.timestamp(1_726_000_000_123L);
        m.destination(WireDestination.topic("orders"));
        m.properties().put("color", "red");
        m.properties().put("qty", 3);
        m.properties().put("urgent", true);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.body()).isEqualTo("{\"order\": 42}");
        assertThat(describe(encoded)).containsExactly(
                "hake String 1;i=ID:9b2f3c1e-8d4a-4f6b-a1c2-3d4e5f607182;t=1726000000123;d=t:orders;n=Tcolor,Iqty,Zurgent",
                "color String red",
                "qty Number 3",
                "urgent String true");
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void bytesMessageWithHeadersAndPackedProperties() {
        WireMessage m = new WireMessage(BodyKind.BYTES);
        m.bytes(new byte[] {1, 2, 3});
        m.messageId("ID:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5");
        m.timestamp(1_726_000_000_456L);
        m.destination(WireDestination.queue("jobs"));
        m.replyTo(new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, "hake-tmp-5f1c"));
        m.correlationId("req;7");
        m.deliveryMode(WireMessage.NON_PERSISTENT);
        m.priority(7);
        m.properties().put("tenant", "acme");
        m.properties().put("retry count", 2);
        m.properties().put("ratio", Double.NaN);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.body()).isEqualTo("AQID");
        assertThat(describe(encoded)).containsExactly(
                "hake String 1;b=B;i=ID:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5;t=1726000000456;c=req%003B7;d=q:jobs;"
                        + "r=tq:hake-tmp-5f1c;m=1;p=7;n=Ttenant,*,*",
                "tenant String acme",
                "hake.props String AgkLcmV0cnkgY291bnQFAAAAAgkFcmF0aW8If/gAAAAAAAA=");
        assertSameMessage(roundTrip(m), m);
    }

    @Test
    void mapBody() {
        WireMessage m = new WireMessage(BodyKind.MAP);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 42);
        map.put("name", "é");
        map.put("none", null);
        m.map(map);

        EncodedMessage encoded = CODEC.encode(m);

        assertThat(encoded.body()).isEqualTo("AwkCaWQFAAAAKgkEbmFtZQkCw6kJBG5vbmUA");
        assertThat(describe(encoded)).containsExactly("hake String 1;b=M");
    }

    @Test
    void emptyTextAndPlainTextWithNothingSet() {
        WireMessage empty = new WireMessage(BodyKind.TEXT);
        empty.text("");
        WireMessage plain = new WireMessage(BodyKind.TEXT);
        plain.text("hi");

        assertThat(CODEC.encode(empty).body()).isEqualTo("-");
        assertThat(describe(CODEC.encode(empty))).containsExactly("hake String 1;b=U");
        assertThat(describe(CODEC.encode(plain))).containsExactly("hake String 1");
        assertThat(CODEC.encode(plain).sizeBytes()).isEqualTo(2 + 11);
    }

    private static java.util.List<String> describe(EncodedMessage encoded) {
        return encoded.attributes().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().dataType() + " " + e.getValue().stringValue())
                .toList();
    }
}
