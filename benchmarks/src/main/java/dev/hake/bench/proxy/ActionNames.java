package dev.hake.bench.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Names the AWS action of a request: SQS's JSON protocol puts it in {@code X-Amz-Target}
 * ({@code AmazonSQS.SendMessageBatch}), the Query protocol (SNS, and SQS's older one) in the
 * {@code Action} form parameter of the body or the query string.
 */
public final class ActionNames {

    static final String UNKNOWN = "(unknown)";

    private ActionNames() {
    }

    public static String of(String target, String query, byte[] body) {
        if (target != null && !target.isBlank()) {
            int dot = target.lastIndexOf('.');
            return dot < 0 ? target : target.substring(dot + 1);
        }
        String fromBody = formParameter(new String(body, StandardCharsets.UTF_8), "Action");
        if (fromBody != null) {
            return fromBody;
        }
        String fromQuery = query == null ? null : formParameter(query, "Action");
        return fromQuery != null ? fromQuery : UNKNOWN;
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
