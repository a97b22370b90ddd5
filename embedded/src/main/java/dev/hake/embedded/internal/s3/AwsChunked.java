package dev.hake.embedded.internal.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes an {@code aws-chunked} body, as the SDK sends uploads over plain HTTP and with trailing
 * checksums: chunks {@code <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n}, a last chunk of size
 * 0, then trailer lines {@code name:value\r\n} (such as {@code x-amz-checksum-crc32}) and an empty
 * line. Signatures are skipped, not checked: the embedded endpoint checks none.
 */
final class AwsChunked {

    /**
     * The decoded body.
     *
     * @param content  the data of all chunks, in order
     * @param trailers the trailer headers, names in lower case ({@code x-amz-trailer-signature} among them if signed)
     */
    record Decoded(byte[] content, Map<String, String> trailers) {
    }

    private static final Pattern HEX_SIZE = Pattern.compile("[0-9a-fA-F]{1,8}");
    /** Longest chunk header accepted: a size, a signature extension, and room to spare. */
    private static final int MAX_LINE = 4096;

    private AwsChunked() {
    }

    /**
     * @param expectedLength the decoded length the request announced, or -1; only sizes the buffer
     * @throws IllegalArgumentException if the body is not aws-chunked, saying where it breaks
     */
    static Decoded decode(byte[] body, long expectedLength) {
        int capacity = expectedLength >= 0 && expectedLength <= body.length ? (int) expectedLength : body.length;
        ByteArrayOutputStream content = new ByteArrayOutputStream(capacity);
        int position = 0;
        while (true) {
            int lineEnd = lineEnd(body, position);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("the chunk header at byte " + position + " has no CRLF");
            }
            long size = chunkSize(new String(body, position, lineEnd - position, StandardCharsets.US_ASCII), position);
            position = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (size > body.length - position) {
                throw new IllegalArgumentException("the chunk at byte " + position + " announces " + size
                        + " bytes, but the body has " + (body.length - position) + " left");
            }
            content.write(body, position, (int) size);
            position += (int) size;
            if (!crlfAt(body, position)) {
                throw new IllegalArgumentException("the chunk data ending at byte " + position + " is not followed by CRLF");
            }
            position += 2;
        }
        return new Decoded(content.toByteArray(), trailers(body, position));
    }

    /** Trailer lines up to the empty line that ends the body; a body cut right after the last chunk has none. */
    private static Map<String, String> trailers(byte[] body, int start) {
        Map<String, String> trailers = new LinkedHashMap<>();
        int position = start;
        while (position < body.length) {
            int lineEnd = lineEnd(body, position);
            int end = lineEnd < 0 ? body.length : lineEnd;
            String line = new String(body, position, end - position, StandardCharsets.UTF_8);
            position = lineEnd < 0 ? body.length : lineEnd + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a trailer line after the last chunk is not 'name:value'");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return trailers;
    }

    private static long chunkSize(String header, int position) {
        int semicolon = header.indexOf(';');
        String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        if (!HEX_SIZE.matcher(hex).matches()) {
            throw new IllegalArgumentException("the chunk header at byte " + position
                    + " does not start with a hexadecimal size");
        }
        return Long.parseLong(hex, 16);
    }

    /** Where the CRLF that ends the line starting at {@code start} is, or -1 if none comes soon enough. */
    private static int lineEnd(byte[] body, int start) {
        int limit = Math.min(body.length - 1, start + MAX_LINE);
        for (int i = start; i < limit; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean crlfAt(byte[] body, int position) {
        return position + 1 < body.length && body[position] == '\r' && body[position + 1] == '\n';
    }
}
