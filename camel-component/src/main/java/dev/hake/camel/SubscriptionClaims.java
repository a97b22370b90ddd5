package dev.hake.camel;

import java.util.HashMap;
import java.util.Map;

/**
 * The subscriptions this component's consumers read, with what each was opened as (topic and
 * selector). A second consumer of the same subscription must open it the same way: opened with
 * another selector, core would re-subscribe it and drop what it holds, under the first consumer's
 * feet.
 */
final class SubscriptionClaims {

    private record Claim(String identity, int consumers) {
    }

    private final Map<String, Claim> claims = new HashMap<>();

    /**
     * Registers a consumer of subscription {@code key}.
     *
     * @throws IllegalStateException if it is open with another topic or selector
     */
    synchronized void claim(String key, String identity, String description) {
        Claim existing = claims.get(key);
        if (existing != null && !existing.identity().equals(identity)) {
            throw new IllegalStateException(description + " is already consumed in this CamelContext with another"
                    + " topic or selector; every consumer of one subscription must use the same ones");
        }
        claims.put(key, new Claim(identity, existing == null ? 1 : existing.consumers() + 1));
    }

    synchronized void release(String key) {
        Claim existing = claims.get(key);
        if (existing == null) {
            return;
        }
        if (existing.consumers() <= 1) {
            claims.remove(key);
        } else {
            claims.put(key, new Claim(existing.identity(), existing.consumers() - 1));
        }
    }
}
