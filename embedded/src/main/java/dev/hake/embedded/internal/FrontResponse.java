package dev.hake.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response for the front to send.
 *
 * @param status  HTTP status
 * @param headers headers to send (hop-by-hop ones must not be in here)
 * @param body    the body bytes, empty for none
 */
public record FrontResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** A text response with the given content type. */
    public static FrontResponse text(int status, String contentType, String body) {
        return new FrontResponse(status, Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    void writeTo(HttpExchange exchange) throws IOException {
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        // -1 tells the JDK server there is no body at all; 0 would mean "chunked".
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
