package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passes SQS requests to ElasticMQ and its answers back, unchanged: method, path, query, body and
 * the headers that carry meaning. Hop-by-hop headers are left to each connection.
 */
public final class SqsForwarder {

    /** Headers that belong to one connection, or that java.net.http sets itself and refuses. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "content-length", "expect", "host", "keep-alive", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "date", "server");

    /** Longer than SQS's longest long poll (20 s), so a waiting receive is never cut short. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI target;
    private final HttpClient client;

    public SqsForwarder(URI elasticMqEndpoint) {
        this.target = elasticMqEndpoint;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends the request to ElasticMQ and returns its response as it came. */
    public FrontResponse forward(FrontRequest request) {
        return forward(request, request.body());
    }

    /** Sends the request to ElasticMQ with another body (the front may edit one). */
    public FrontResponse forward(FrontRequest request, byte[] body) {
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(target.resolve(request.uri().getRawPath()
                        + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())))
                .timeout(REQUEST_TIMEOUT)
                .method(request.method(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> outgoing.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new FrontResponse(response.statusCode(), forwardable(response.headers().map()), response.body());
        } catch (IOException e) {
            return FrontResponse.text(502, "text/plain; charset=utf-8",
                    "The embedded SQS (ElasticMQ) did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FrontResponse.text(503, "text/plain; charset=utf-8", "Interrupted while waiting for ElasticMQ");
        }
    }

    private static Map<String, List<String>> forwardable(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                result.put(name, values);
            }
        });
        return result;
    }
}
