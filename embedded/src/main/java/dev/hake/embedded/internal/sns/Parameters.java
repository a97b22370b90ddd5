package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the parameters every SNS action shares, with SNS's error for a missing one. */
final class Parameters {

    private Parameters() {
    }

    static String required(FormParameters request, String name) {
        return request.get(name)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> SnsError.invalidParameter(name + " Reason: no value for required parameter"));
    }

    /** {@code Tags.member.N.Key} / {@code Tags.member.N.Value}, checked against AWS's tag rules. */
    static Map<String, String> tags(FormParameters request) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (FormParameters tag : request.groups("Tags.member")) {
            String key = tag.get("Key").orElse("");
            String value = tag.get("Value").orElse("");
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw SnsError.invalidParameter("Tags Reason: a tag key must have 1 to 128 characters and a value"
                        + " at most 256");
            }
            tags.put(key, value);
        }
        return tags;
    }

    /** A page of a listing, from the opaque NextToken (here, simply the index to start at). */
    static int pageStart(FormParameters request, int size) {
        String token = request.get("NextToken").orElse("");
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int start = Integer.parseInt(token);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw SnsError.invalidParameter("NextToken");
    }
}
