package dev.hake.embedded.internal.s3;

import dev.hake.embedded.internal.FrontRequest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The body of an upload as S3 takes it: {@code aws-chunked} decoded, its announced length, its
 * Content-MD5 and its {@code x-amz-checksum-*} values (as headers or as trailers) checked against
 * the bytes. CRC64NVME, which the JDK cannot compute, is kept unchecked.
 *
 * @param content   the bytes to store
 * @param checksums the checksums given, by header name, to return with the object
 */
record UploadBody(byte[] content, Map<String, String> checksums) {

    private static final String STREAMING_PREFIX = "STREAMING-";
    private static final String CHECKSUM_PREFIX = "x-amz-checksum-";

    /** The checksums S3 takes, by header name: what computes them, or null for one not checked here. */
    private static final Map<String, Function<byte[], byte[]>> ALGORITHMS = new LinkedHashMap<>();

    static {
        ALGORITHMS.put("x-amz-checksum-crc32", content -> crc(new CRC32(), content));
        ALGORITHMS.put("x-amz-checksum-crc32c", content -> crc(new CRC32C(), content));
        ALGORITHMS.put("x-amz-checksum-sha1", content -> digest("SHA-1", content));
        ALGORITHMS.put("x-amz-checksum-sha256", content -> digest("SHA-256", content));
        ALGORITHMS.put("x-amz-checksum-crc64nvme", null);
    }

    /** @throws S3Error if the body is malformed, shorter or longer than announced, or fails a checksum */
    static UploadBody read(FrontRequest request) {
        byte[] content = request.body();
        Map<String, String> given = new LinkedHashMap<>();
        ALGORITHMS.keySet().forEach(name -> {
            String value = request.header(name);
            if (value != null) {
                given.put(name, value);
            }
        });
        if (isAwsChunked(request)) {
            long announced = decodedLength(request);
            AwsChunked.Decoded decoded;
            try {
                decoded = AwsChunked.decode(content, announced);
            } catch (IllegalArgumentException e) {
                throw S3Error.invalidChunkedBody(e.getMessage());
            }
            content = decoded.content();
            // Without the header there is nothing to compare; the SDK always sends it.
            if (announced >= 0 && announced != content.length) {
                throw S3Error.incompleteBody("x-amz-decoded-content-length says " + announced
                        + " bytes, but the aws-chunked body holds " + content.length);
            }
            decoded.trailers().forEach((name, value) -> {
                if (ALGORITHMS.containsKey(name)) {
                    given.put(name, value);
                }
            });
        }
        checkContentMd5(request.header("content-md5"), content);
        for (Map.Entry<String, String> checksum : given.entrySet()) {
            check(checksum.getKey(), checksum.getValue(), content);
        }
        return new UploadBody(content, given);
    }

    /** S3 takes either sign: the payload hash names a streaming mode, or Content-Encoding says aws-chunked. */
    private static boolean isAwsChunked(FrontRequest request) {
        String payloadHash = request.header("x-amz-content-sha256");
        String encoding = request.header("content-encoding");
        return payloadHash != null && payloadHash.startsWith(STREAMING_PREFIX)
                || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
    }

    private static long decodedLength(FrontRequest request) {
        String header = request.header("x-amz-decoded-content-length");
        if (header == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw S3Error.invalidArgument("x-amz-decoded-content-length is not a length: " + header);
        }
    }

    private static void checkContentMd5(String contentMd5, byte[] content) {
        if (contentMd5 == null) {
            return;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidDigest("Content-MD5");
        }
        if (expected.length != 16) {
            throw S3Error.invalidDigest("Content-MD5");
        }
        if (!Arrays.equals(expected, digest("MD5", content))) {
            throw S3Error.badDigest("Content-MD5");
        }
    }

    private static void check(String header, String value, byte[] content) {
        Function<byte[], byte[]> algorithm = ALGORITHMS.get(header);
        if (algorithm == null) {
            return;
        }
        String name = header.substring(CHECKSUM_PREFIX.length()).toUpperCase(Locale.ROOT);
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidDigest(name);
        }
        if (!Arrays.equals(expected, algorithm.apply(content))) {
            throw S3Error.badDigest(name);
        }
    }

    /** A CRC as S3 sends it: the 32-bit value, big-endian. */
    private static byte[] crc(Checksum checksum, byte[] content) {
        checksum.update(content, 0, content.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }
}
