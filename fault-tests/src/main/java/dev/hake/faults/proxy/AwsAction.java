package dev.hake.faults.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The AWS action of a request and the protocol it came in. SQS's JSON protocol names the action in
 * {@code X-Amz-Target} ({@code AmazonSQS.SendMessage}); the Query protocol (SNS, and SQS's older
 * one) in the {@code Action} form parameter of the body or the query string.
 */
public record AwsAction(Protocol protocol, String name) {

    public enum Protocol {
        /** SQS's JSON protocol (application/x-amz-json-1.0). */
        JSON,
        /** The Query protocol: SNS (Version 2010-03-31), or SQS's older one. */
        QUERY
    }

    /** The actions that carry messages: only these are ever faulted, so set-up and tear-down are not. */
    public static final Set<String> MESSAGE_PATH = Set.of(
            "SendMessage", "SendMessageBatch", "Publish", "PublishBatch", "ReceiveMessage", "DeleteMessage",
            "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch");

    static final String UNKNOWN = "(unknown)";
    private static final String SNS_VERSION = "2010-03-31";

    public static AwsAction of(HttpMessage request) {
        String target = request.header("X-Amz-Target");
        if (target != null && !target.isBlank()) {
            int dot = target.lastIndexOf('.');
            return new AwsAction(Protocol.JSON, dot < 0 ? target.trim() : target.substring(dot + 1).trim());
        }
        String form = new String(request.body(), StandardCharsets.UTF_8);
        String action = formParameter(form, "Action");
        if (action == null) {
            String requestTarget = request.target();
            int question = requestTarget.indexOf('?');
            action = question < 0 ? null : formParameter(requestTarget.substring(question + 1), "Action");
        }
        return new AwsAction(Protocol.QUERY, action == null ? UNKNOWN : action);
    }

    /** True for the actions in {@link #MESSAGE_PATH}. */
    public boolean onMessagePath() {
        return MESSAGE_PATH.contains(name);
    }

    /** True if a Query request names SNS's API version (SNS, rather than SQS's older Query protocol). */
    static boolean isSns(HttpMessage request) {
        return SNS_VERSION.equals(formParameter(new String(request.body(), StandardCharsets.UTF_8), "Version"));
    }

    static String formParameter(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
