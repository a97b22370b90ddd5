package dev.hake.faults.proxy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The error answers of the faults that are not forwarded, each in the format of the request's
 * protocol, so that the SDK parses them as it would AWS's own. SQS's JSON protocol carries the
 * Query-protocol code in {@code x-amzn-query-error} (SQS is "query compatible"), and the SDK
 * reports that code.
 */
final class FaultAnswers {

    private record Error(int status, String reason, String jsonType, String code, String faultType, String message) {
    }

    private FaultAnswers() {
    }

    static HttpMessage answer(FaultKind kind, AwsAction action, HttpMessage request) {
        Error e = error(kind, action);
        String requestId = UUID.randomUUID().toString();
        String statusLine = "HTTP/1.1 " + e.status() + " " + e.reason();
        if (action.protocol() == AwsAction.Protocol.JSON) {
            byte[] body = ("{\"__type\":\"" + e.jsonType() + "\",\"message\":\"" + e.message() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            return new HttpMessage(statusLine, List.of(
                    new HttpMessage.Header("x-amzn-RequestId", requestId),
                    new HttpMessage.Header("x-amzn-query-error", e.code() + ";" + e.faultType()),
                    new HttpMessage.Header("Content-Type", "application/x-amz-json-1.0"),
                    new HttpMessage.Header("Content-Length", Integer.toString(body.length))), body);
        }
        String namespace = AwsAction.isSns(request)
                ? " xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\""
                : " xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";
        byte[] body = ("<ErrorResponse" + namespace + "><Error><Type>" + e.faultType() + "</Type><Code>" + e.code()
                + "</Code><Message>" + e.message() + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        return new HttpMessage(statusLine, List.of(
                new HttpMessage.Header("x-amzn-RequestId", requestId),
                new HttpMessage.Header("Content-Type", "text/xml"),
                new HttpMessage.Header("Content-Length", Integer.toString(body.length))), body);
    }

    private static Error error(FaultKind kind, AwsAction action) {
        String what = " (injected by the fault proxy into " + action.name() + ")";
        return switch (kind) {
            case INTERNAL_ERROR -> new Error(500, "Internal Server Error", "com.amazon.coral.service#InternalFailure",
                    "InternalError", "Receiver", "We encountered an internal error. Please try again." + what);
            case THROTTLING -> action.protocol() == AwsAction.Protocol.JSON
                    ? new Error(400, "Bad Request", "com.amazonaws.sqs#ThrottlingException", "RequestThrottled",
                            "Sender", "Rate exceeded" + what)
                    : new Error(400, "Bad Request", "Throttling", "Throttling", "Sender", "Rate exceeded" + what);
            case UNAVAILABLE -> new Error(503, "Service Unavailable", "com.amazonaws.sqs#ServiceUnavailable",
                    "ServiceUnavailable", "Receiver", "The service is unavailable. Please try again shortly." + what);
            default -> throw new IllegalArgumentException(kind + " is not answered with an error document");
        };
    }
}
