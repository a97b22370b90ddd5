package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import dev.hake.embedded.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQS JSON protocol, as today's SDKs speak it. Requests go to ElasticMQ unchanged, except the
 * few that touch the attributes ElasticMQ does not keep ({@link RememberedQueueAttributes}):
 * those are taken out on the way in and put back into GetQueueAttributes answers. Messages over
 * SQS's size limit are refused here ({@link SqsSizeCheck}).
 */
public final class SqsJsonFront {

    private final SqsForwarder forwarder;
    private final RememberedQueueAttributes remembered;

    public SqsJsonFront(SqsForwarder forwarder, RememberedQueueAttributes remembered) {
        this.forwarder = forwarder;
        this.remembered = remembered;
    }

    /**
     * Handles one request.
     *
     * @param operation the SQS operation, from {@code X-Amz-Target: AmazonSQS.<operation>}
     */
    public FrontResponse handle(FrontRequest request, String operation) {
        return switch (operation) {
            case "CreateQueue" -> createQueue(request);
            case "SetQueueAttributes" -> setQueueAttributes(request);
            case "GetQueueAttributes" -> getQueueAttributes(request);
            case "DeleteQueue" -> deleteQueue(request);
            case "SendMessage", "SendMessageBatch" -> checkSize(request, operation);
            default -> forwarder.forward(request);
        };
    }

    /**
     * A JSON body is never smaller than the message it carries (escapes and Base64 only add), so
     * one within the limit is forwarded without being parsed.
     */
    private FrontResponse checkSize(FrontRequest request, String operation) {
        if (request.body().length <= SqsMessageSize.MAX_BYTES) {
            return forwarder.forward(request);
        }
        return SqsSizeCheck.json(operation, jsonObject(request.body())).map(SqsError::json)
                .orElseGet(() -> forwarder.forward(request));
    }

    private FrontResponse createQueue(FrontRequest request) {
        FrontResponse response = forwarder.forward(request);
        if (succeeded(response)) {
            Map<String, Object> body = jsonObject(request.body());
            remembered.remember(string(body.get("QueueName")), stringMap(body.get("Attributes")));
        }
        return response;
    }

    private FrontResponse setQueueAttributes(FrontRequest request) {
        Map<String, Object> body = jsonObject(request.body());
        Map<String, String> attributes = stringMap(body.get("Attributes"));
        Map<String, String> forElasticMq = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (!RememberedQueueAttributes.isRemembered(name)) {
                forElasticMq.put(name, value);
            }
        });
        if (forElasticMq.size() == attributes.size()) {
            return forwarder.forward(request);
        }
        // ElasticMQ still checks that the queue exists and validates the rest.
        body.put("Attributes", forElasticMq);
        FrontResponse response = forwarder.forward(request, Json.write(body).getBytes(StandardCharsets.UTF_8));
        if (succeeded(response)) {
            remembered.remember(queueName(body), attributes);
        }
        return response;
    }

    private FrontResponse getQueueAttributes(FrontRequest request) {
        FrontResponse response = forwarder.forward(request);
        if (!succeeded(response)) {
            return response;
        }
        Map<String, Object> body = jsonObject(request.body());
        Map<String, String> extra = remembered.recall(queueName(body), stringList(body.get("AttributeNames")));
        if (extra.isEmpty()) {
            return response;
        }
        Map<String, Object> answer = jsonObject(response.body());
        Map<String, Object> attributes = new LinkedHashMap<>(stringMap(answer.get("Attributes")));
        attributes.putAll(extra);
        answer.put("Attributes", attributes);
        return new FrontResponse(response.status(), response.headers(),
                Json.write(answer).getBytes(StandardCharsets.UTF_8));
    }

    private FrontResponse deleteQueue(FrontRequest request) {
        FrontResponse response = forwarder.forward(request);
        if (succeeded(response)) {
            remembered.forget(queueName(jsonObject(request.body())));
        }
        return response;
    }

    private static boolean succeeded(FrontResponse response) {
        return response.status() / 100 == 2;
    }

    /** The last path segment of QueueUrl: the queue name, whatever host the URL names. */
    private static String queueName(Map<String, Object> body) {
        String url = string(body.get("QueueUrl"));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The body as a JSON object; empty if it is none, in which case ElasticMQ says what is wrong. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte[] utf8) {
        try {
            Object parsed = utf8.length == 0 ? null : Json.parse(utf8);
            return parsed instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        } catch (IllegalArgumentException notJson) {
            return new LinkedHashMap<>();
        }
    }

    private static String string(Object value) {
        return value instanceof String text ? text : "";
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, member) -> result.put(String.valueOf(key), member == null ? null : String.valueOf(member)));
        }
        return result;
    }

    private static List<String> stringList(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(element -> result.add(String.valueOf(element)));
        }
        return result;
    }
}
