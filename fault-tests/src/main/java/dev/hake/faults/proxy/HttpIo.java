package dev.hake.faults.proxy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes HTTP/1.1 messages on a socket's streams: a head of at most 64 KiB, a body by
 * Content-Length, by chunks, or (a response with neither) up to the end of the stream. Bodies are
 * read whole, at most 16 MiB: SNS and SQS messages are far smaller.
 */
final class HttpIo {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpIo() {
    }

    /**
     * Reads one request; null if the client closed the connection between requests. A client that
     * waits for {@code 100 Continue} is told to go on here, since the backend never sees the Expect.
     */
    static HttpMessage readRequest(InputStream in, OutputStream out) throws IOException {
        HttpMessage head = readHead(in);
        if (head == null) {
            return null;
        }
        if (head.headerHasToken("Expect", "100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        return new HttpMessage(head.startLine(), head.headers(), readBody(in, head, false));
    }

    /** Reads one final response (interim 1xx answers skipped) to a request with the given method. */
    static HttpMessage readResponse(InputStream in, String requestMethod) throws IOException {
        for (int interim = 0; interim < 10; interim++) {
            HttpMessage head = readHead(in);
            if (head == null) {
                throw new EOFException("the backend closed the connection before answering");
            }
            int status = head.status();
            if (status >= 100 && status < 200) {
                continue;
            }
            boolean noBody = requestMethod.equals("HEAD") || status == 204 || status == 304;
            return new HttpMessage(head.startLine(), head.headers(), noBody ? new byte[0] : readBody(in, head, true));
        }
        throw new IOException("the backend sent more than 10 interim answers");
    }

    static void write(OutputStream out, HttpMessage message) throws IOException {
        StringBuilder head = new StringBuilder(message.startLine()).append("\r\n");
        for (HttpMessage.Header h : message.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(message.body());
        out.flush();
    }

    /** The start line and headers; null on a clean end of stream before the first byte. */
    private static HttpMessage readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        int size = 0;
        while (size < 4 || buffer[size - 4] != '\r' || buffer[size - 3] != '\n'
                || buffer[size - 2] != '\r' || buffer[size - 1] != '\n') {
            int b = in.read();
            if (b < 0) {
                if (size == 0) {
                    return null;
                }
                throw new EOFException("the connection ended inside an HTTP head");
            }
            if (size == 0 && (b == '\r' || b == '\n')) {
                continue; // stray line breaks between messages are allowed (RFC 9112, 2.2)
            }
            if (size == buffer.length) {
                if (size >= MAX_HEAD_BYTES) {
                    throw new IOException("an HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
                }
                buffer = java.util.Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = (byte) b;
        }
        String text = new String(buffer, 0, size - 4, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        List<HttpMessage.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new HttpMessage.Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return new HttpMessage(lines[0], headers, new byte[0]);
    }

    private static byte[] readBody(InputStream in, HttpMessage head, boolean response) throws IOException {
        if (head.headerHasToken("Transfer-Encoding", "chunked")) {
            return readChunked(in);
        }
        String length = head.header("Content-Length");
        if (length != null) {
            long n = Long.parseLong(length.trim());
            if (n < 0 || n > MAX_BODY_BYTES) {
                throw new IOException("a body of " + n + " bytes");
            }
            return readExactly(in, (int) n);
        }
        // A request without either has no body; a response without either runs to the end of the stream.
        return response && !head.keepsConnection() ? readToEnd(in) : new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers: dropped, as nothing AWS sends needs them
                }
                return body.toByteArray();
            }
            if (body.size() + (long) size > MAX_BODY_BYTES) {
                throw new IOException("a chunked body longer than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(readExactly(in, size));
            if (!readLine(in).isEmpty()) {
                throw new IOException("a chunk not followed by CRLF");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 8 * 1024; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended inside a chunked body");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        throw new IOException("a line longer than 8 KiB in a chunked body");
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) {
            throw new EOFException("the connection ended after " + data.length + " of " + n + " body bytes");
        }
        return data;
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
        if (data.length > MAX_BODY_BYTES) {
            throw new IOException("a body longer than " + MAX_BODY_BYTES + " bytes");
        }
        return data;
    }
}
