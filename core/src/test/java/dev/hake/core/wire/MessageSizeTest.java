package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.BodyKind;
import dev.hake.core.MessageTooLargeException;
import dev.hake.core.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Size is counted as AWS counts it: UTF-8 body plus every attribute's name, data type and value. */
class MessageSizeTest {

    /** SNS's limit; SQS's is four times as large and is checked the same way. */
    private static final int LIMIT = 262_144;
    private static final int SQS_LIMIT = 1_048_576;

    /** Counted independently of the codec, from the AWS rule. */
    static long awsSize(EncodedMessage m) {
        long size = m.body().getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, EncodedAttribute> e : m.attributes().entrySet()) {
            EncodedAttribute a = e.getValue();
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + a.dataType().getBytes(StandardCharsets.UTF_8).length
                    + (a.stringValue() != null ? a.stringValue().getBytes(StandardCharsets.UTF_8).length : a.binaryValue().length);
        }
        return size;
    }

    static WireMessage text(String text) {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text(text);
        return m;
    }

    @Test
    void textMessageOfExactlyTheLimitIsAccepted() {
        // The only attribute is hake=1: "hake" + "String" + "1" = 11 bytes.
        EncodedMessage encoded = CODEC.encode(text("a".repeat(LIMIT - 11)));

        assertThat(encoded.attributes()).containsOnlyKeys(WireAttributes.HEADER);
        assertThat(encoded.sizeBytes()).isEqualTo(LIMIT).isEqualTo(awsSize(encoded));
        assertThatCode(() -> CODEC.checkSize(encoded, LIMIT, "SNS")).doesNotThrowAnyException();
    }

    @Test
    void oneByteOverTheLimitIsRefusedNamingSizeLimitAndService() {
        EncodedMessage encoded = CODEC.encode(text("a".repeat(LIMIT - 10)));

        assertThat(encoded.sizeBytes()).isEqualTo(LIMIT + 1);
        assertThatThrownBy(() -> CODEC.checkSize(encoded, LIMIT, "SNS"))
                .isInstanceOfSatisfying(MessageTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(LIMIT + 1);
                    assertThat(e.limit()).isEqualTo(LIMIT);
                })
                .hasMessageContaining("262145").hasMessageContaining("262144").hasMessageContaining("SNS")
                .hasMessageContaining("largeMessageBucket").hasMessageContaining("nothing was sent");
    }

    @Test
    void multiByteCharactersCountTheirUtf8Bytes() {
        // é is 2 bytes, 日 3, 😀 (a surrogate pair) 4: 9 bytes for 4 UTF-16 units.
        EncodedMessage encoded = CODEC.encode(text("é日😀".repeat((LIMIT - 11) / 9)));
        assertThat(encoded.sizeBytes()).isEqualTo(awsSize(encoded)).isEqualTo(11 + 9L * ((LIMIT - 11) / 9));
    }

    @Test
    void attributesCountTooAndCanPushAMessageOver() {
        String body = "b".repeat(200_000);
        assertThatCode(() -> CODEC.checkSize(CODEC.encode(text(body)), LIMIT, "SNS")).doesNotThrowAnyException();

        WireMessage heavy = text(body);
        for (int i = 0; i < 9; i++) {
            heavy.properties().put("property" + i, "v".repeat(7_000));
        }
        EncodedMessage encoded = CODEC.encode(heavy);

        assertThat(encoded.sizeBytes()).isEqualTo(awsSize(encoded)).isGreaterThan(LIMIT);
        assertThat(encoded.body().length()).isLessThan(LIMIT);
        assertThatThrownBy(() -> CODEC.checkSize(encoded, LIMIT, "SNS")).isInstanceOf(MessageTooLargeException.class);
    }

    @Test
    void packedPropertiesCountInTheirBase64Form() {
        WireMessage m = text("x");
        for (int i = 0; i < 30; i++) {
            m.properties().put("p" + i, "ü".repeat(1_000));
        }
        EncodedMessage encoded = CODEC.encode(m);
        assertThat(encoded.attributes()).containsKey(WireAttributes.PACKED_PROPERTIES);
        assertThat(encoded.sizeBytes()).isEqualTo(awsSize(encoded));
    }

    @Test
    void encodedBodiesCountTheirBase64() {
        WireMessage m = new WireMessage(BodyKind.BYTES);
        m.bytes(new byte[196_600]); // 262,136 base64 characters
        EncodedMessage encoded = CODEC.encode(m);
        assertThat(encoded.body()).hasSize(262_136);
        assertThat(encoded.sizeBytes()).isEqualTo(awsSize(encoded)).isEqualTo(262_136 + 4 + 6 + "1;b=B".length());
    }

    @Test
    void aQueueTakesFourTimesWhatATopicTakes() {
        EncodedMessage encoded = CODEC.encode(text("a".repeat(300_000)));
        assertThatCode(() -> CODEC.checkSize(encoded, SQS_LIMIT, "SQS")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CODEC.checkSize(encoded, LIMIT, "SNS")).isInstanceOf(MessageTooLargeException.class);

        EncodedMessage justOver = CODEC.encode(text("a".repeat(SQS_LIMIT - 10)));
        assertThat(justOver.sizeBytes()).isEqualTo(SQS_LIMIT + 1);
        assertThatThrownBy(() -> CODEC.checkSize(justOver, SQS_LIMIT, "SQS"))
                .hasMessageContaining("1048577").hasMessageContaining("1048576").hasMessageContaining("SQS");
    }
}
