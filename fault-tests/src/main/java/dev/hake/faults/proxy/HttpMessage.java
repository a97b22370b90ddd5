package dev.hake.faults.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request or response as the proxy holds it: the start line, the headers in their
 * order, and the whole body (chunked bodies already joined).
 */
public record HttpMessage(String startLine, List<Header> headers, byte[] body) {

    public record Header(String name, String value) {
    }

    public HttpMessage {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, by case-insensitive name; null if absent. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** True if a comma-separated header (Connection, Transfer-Encoding, Expect) holds the token. */
    public boolean headerHasToken(String name, String token) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                for (String part : h.value().split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** For a request: the method. */
    public String method() {
        return startLine.substring(0, Math.max(0, startLine.indexOf(' ')));
    }

    /** For a request: the request target (path and query). */
    public String target() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    /** For a response: the status code. */
    public int status() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
    }

    /** The protocol version of the start line: the first word of a response, the last of a request. */
    public String version() {
        String[] parts = startLine.split(" ", 3);
        return startLine.startsWith("HTTP/") ? parts[0] : parts[parts.length - 1];
    }

    /** Whether the sender lets the connection be used again after this message. */
    public boolean keepsConnection() {
        if (headerHasToken("Connection", "close")) {
            return false;
        }
        return !version().equalsIgnoreCase("HTTP/1.0") || headerHasToken("Connection", "keep-alive");
    }

    /**
     * The same message without the headers that belong to one connection, framed with a
     * Content-Length (the proxy always sends whole bodies).
     */
    public HttpMessage reframed(String newStartLine, boolean withBodyLength) {
        List<Header> kept = new ArrayList<>();
        for (Header h : headers) {
            if (!HOP_BY_HOP.contains(h.name().toLowerCase(Locale.ROOT))) {
                kept.add(h);
            }
        }
        if (withBodyLength) {
            kept.add(new Header("Content-Length", Integer.toString(body.length)));
        }
        return new HttpMessage(newStartLine, kept, body);
    }

    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of(
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "expect", "content-length");
}
