package dev.hake.embedded.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hake.embedded.internal.s3.S3Front;
import dev.hake.embedded.internal.sns.SnsFront;
import dev.hake.embedded.internal.sqs.SqsJsonFront;
import dev.hake.embedded.internal.sqs.SqsQueryFront;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per request, which service it is for. S3 requests name {@code s3} in their SigV4
 * credential scope (S3's REST API has no action to tell it by). SQS JSON requests carry
 * {@code X-Amz-Target: AmazonSQS.*}; Query-protocol requests carry an {@code Action}, and SNS's
 * are recognised by their API version or action name. Everything else is SQS's.
 */
final class FrontHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontHandler.class);
    private static final String SQS_JSON_TARGET_PREFIX = "AmazonSQS.";

    private final SnsFront sns;
    private final SqsJsonFront sqsJson;
    private final SqsQueryFront sqsQuery;
    private final S3Front s3;

    FrontHandler(SnsFront sns, SqsJsonFront sqsJson, SqsQueryFront sqsQuery, S3Front s3) {
        this.sns = sns;
        this.sqsJson = sqsJson;
        this.sqsQuery = sqsQuery;
        this.s3 = s3;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FrontResponse response;
            try {
                response = route(FrontRequest.read(exchange));
            } catch (RuntimeException e) {
                LOG.error("Request {} {} failed inside the embedded endpoint",
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                response = FrontResponse.text(500, "text/plain; charset=utf-8",
                        "Internal error in the embedded endpoint: " + e);
            }
            response.writeTo(exchange);
        }
    }

    private FrontResponse route(FrontRequest request) {
        if (S3Front.accepts(request)) {
            return s3.handle(request);
        }
        String target = request.header("x-amz-target");
        if (target != null) {
            if (target.startsWith(SQS_JSON_TARGET_PREFIX)) {
                return sqsJson.handle(request, target.substring(SQS_JSON_TARGET_PREFIX.length()));
            }
            return FrontResponse.text(400, "application/x-amz-json-1.0", Json.write(Map.of(
                    "__type", "UnknownOperationException",
                    "message", "This endpoint serves SQS JSON requests (X-Amz-Target: AmazonSQS.*) and SNS Query"
                            + " requests; X-Amz-Target " + target + " is neither")));
        }
        FormParameters parameters = queryParameters(request);
        if (sns.accepts(parameters)) {
            return sns.handle(parameters);
        }
        return sqsQuery.handle(request, parameters);
    }

    /** The query string and, for a form post, the body: the Query protocol allows either. */
    private static FormParameters queryParameters(FrontRequest request) {
        String contentType = request.header("content-type");
        boolean formBody = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        String query = request.uri().getRawQuery();
        String body = formBody ? new String(request.body(), StandardCharsets.UTF_8) : "";
        if (query == null || query.isEmpty()) {
            return FormParameters.parse(body);
        }
        return FormParameters.parse(body.isEmpty() ? query : query + "&" + body);
    }
}
