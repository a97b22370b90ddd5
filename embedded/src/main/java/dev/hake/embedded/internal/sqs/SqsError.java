package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FrontResponse;
import dev.hake.embedded.internal.Json;
import dev.hake.embedded.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An error the front answers itself, in either protocol, as SQS words it. The JSON form carries
 * the Query code in {@code x-amzn-query-error} too, which the SDK reports as the error code.
 *
 * @param queryCode the code of the Query protocol, e.g. {@code InvalidParameterValue}
 * @param jsonType  the {@code __type} of the JSON protocol; the SDK picks the exception class by it
 * @param message   the message, as SQS words it
 */
record SqsError(String queryCode, String jsonType, String message) {

    private static final String QUERY_NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    /** What SQS answers for a message over the size limit. */
    static SqsError messageTooLong() {
        return new SqsError("InvalidParameterValue", "com.amazon.coral.service#InvalidParameterValueException",
                "One or more parameters are invalid. Reason: Message must be shorter than "
                        + SqsMessageSize.MAX_BYTES + " bytes.");
    }

    /** What SQS answers for a SendMessageBatch whose messages together are over the size limit. */
    static SqsError batchTooLong(long size) {
        return new SqsError("AWS.SimpleQueueService.BatchRequestTooLong", "com.amazonaws.sqs#BatchRequestTooLong",
                "Batch requests cannot be longer than " + SqsMessageSize.MAX_BYTES + " bytes. You have sent "
                        + size + " bytes.");
    }

    FrontResponse json() {
        String requestId = UUID.randomUUID().toString();
        byte[] body = Json.write(Map.of("__type", jsonType, "message", message)).getBytes(StandardCharsets.UTF_8);
        return new FrontResponse(400, Map.of(
                "Content-Type", List.of("application/x-amz-json-1.0"),
                "x-amzn-query-error", List.of(queryCode + ";Sender"),
                "x-amzn-RequestId", List.of(requestId)), body);
    }

    FrontResponse query() {
        String requestId = UUID.randomUUID().toString();
        Xml document = new Xml().open("ErrorResponse", QUERY_NAMESPACE)
                .open("Error").element("Type", "Sender").element("Code", queryCode).element("Message", message)
                .close("Error").element("RequestId", requestId).close("ErrorResponse");
        byte[] body = ("<?xml version=\"1.0\"?>" + document).getBytes(StandardCharsets.UTF_8);
        return new FrontResponse(400, Map.of(
                "Content-Type", List.of("text/xml"),
                "x-amzn-RequestId", List.of(requestId)), body);
    }
}
