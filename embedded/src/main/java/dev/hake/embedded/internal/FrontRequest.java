package dev.hake.embedded.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the front received it, read fully: every route needs the whole body, and
 * the largest (S3 uploads in tests, a few MiB; SQS messages, 1 MiB) fit in memory. Nothing here
 * limits the size.
 *
 * @param method  HTTP method
 * @param uri     request URI as sent (path and query, no host)
 * @param headers headers, names in lower case
 * @param body    the body bytes, empty if none
 */
public record FrontRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** Reads the request of an exchange. */
    static FrontRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new FrontRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    lowerCaseNames(exchange.getRequestHeaders()), in.readAllBytes());
        }
    }

    /** The first value of a header, or null; the name is matched ignoring case. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> lowerCaseNames(Headers headers) {
        Map<String, List<String>> result = new TreeMap<>();
        headers.forEach((name, values) -> result.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return result;
    }
}
