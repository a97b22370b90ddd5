package dev.hake.embedded.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsChunkedTest {

    private static final String SIGNATURE = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";

    @Test
    void signedChunksWithTrailersDecodeToTheirDataAndTrailers() {
        String body = "a;chunk-signature=" + SIGNATURE + "\r\n0123456789\r\n"
                + "3;chunk-signature=" + SIGNATURE + "\r\n\r\n!\r\n"
                + "0;chunk-signature=" + SIGNATURE + "\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\n"
                + "x-amz-trailer-signature:" + SIGNATURE + "\r\n"
                + "\r\n";

        AwsChunked.Decoded decoded = AwsChunked.decode(bytes(body), 13);

        assertThat(new String(decoded.content(), StandardCharsets.UTF_8)).isEqualTo("0123456789\r\n!");
        assertThat(decoded.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32", "AAAAAA=="),
                Map.entry("x-amz-trailer-signature", SIGNATURE));
    }

    @Test
    void unsignedChunksWithATrailerDecodeToo() {
        String body = "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Amz-Checksum-Crc32: DUoRhQ==\r\n\r\n";

        AwsChunked.Decoded decoded = AwsChunked.decode(bytes(body), -1);

        assertThat(new String(decoded.content(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(decoded.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32", "DUoRhQ=="));
    }

    @Test
    void chunksWithoutTrailersAndEvenWithoutTheFinalEmptyLineDecode() {
        assertThat(AwsChunked.decode(bytes("3;chunk-signature=x\r\nabc\r\n0;chunk-signature=y\r\n\r\n"), 3).content())
                .isEqualTo(bytes("abc"));
        assertThat(AwsChunked.decode(bytes("3\r\nabc\r\n0\r\n"), 3).content()).isEqualTo(bytes("abc"));
        assertThat(AwsChunked.decode(bytes("0\r\n\r\n"), 0).content()).isEmpty();
    }

    @Test
    void binaryDataWithCrLfInsideAChunkIsTakenByItsLength() {
        byte[] data = {'\r', '\n', 0, (byte) 0xff, '0', '\r', '\n'};
        byte[] body = concat(bytes("7\r\n"), data, bytes("\r\n0\r\n\r\n"));

        assertThat(AwsChunked.decode(body, 7).content()).isEqualTo(data);
    }

    @Test
    void malformedBodiesAreRefusedSayingWhere() {
        assertThatThrownBy(() -> AwsChunked.decode(bytes("hello world"), 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no CRLF");
        assertThatThrownBy(() -> AwsChunked.decode(bytes("zz\r\nhello\r\n0\r\n\r\n"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hexadecimal size");
        assertThatThrownBy(() -> AwsChunked.decode(bytes("a\r\nhello\r\n"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announces 10 bytes");
        assertThatThrownBy(() -> AwsChunked.decode(bytes("3\r\nhello\r\n0\r\n\r\n"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not followed by CRLF");
        assertThatThrownBy(() -> AwsChunked.decode(bytes("-1\r\nhello\r\n"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hexadecimal size");
        assertThatThrownBy(() -> AwsChunked.decode(bytes("0\r\nno colon here\r\n\r\n"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name:value");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, at, part.length);
            at += part.length;
        }
        return result;
    }
}
