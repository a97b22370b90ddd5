package dev.hake.embedded.internal.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * What a path-style request names: {@code /} (the service), {@code /bucket}, or
 * {@code /bucket/key}, where the key may hold further slashes.
 *
 * @param bucket the bucket, or null for the service
 * @param key    the object key, percent-decoded, or null for the bucket itself
 */
record S3Path(String bucket, String key) {

    /**
     * Reads a raw (still percent-encoded) path. A {@code +} stays a plus: in a path it is not a space.
     *
     * @throws S3Error InvalidURI if a percent escape is broken or the bytes are not UTF-8
     */
    static S3Path parse(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (!path.startsWith("/")) {
            throw S3Error.invalidUri("the path does not start with '/'");
        }
        String rest = path.substring(1);
        if (rest.isEmpty()) {
            return new S3Path(null, null);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Path(percentDecode(rest), null);
        }
        String key = rest.substring(slash + 1);
        return new S3Path(percentDecode(rest.substring(0, slash)), key.isEmpty() ? null : percentDecode(key));
    }

    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                throw S3Error.invalidUri("a broken percent escape at character " + i);
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw S3Error.invalidUri("the percent-decoded path is not UTF-8");
        }
    }
}
