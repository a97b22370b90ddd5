package dev.hake.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open consumers of each subscription queue in this JVM, across every face (JMS connections,
 * Camel routes) and every core on the same backend. A second consumer of an unshared subscription is
 * refused, and so is a consumer of a shared one that names another topic, selector or noLocal: opened
 * that way, core would re-subscribe the queue and drop what it holds, under the first consumer's
 * feet. Consumers in other processes are not visible here.
 */
final class SubscriptionClaims {

    private record Entry(SubscriptionIdentity identity, int consumers) {
    }

    private static final Map<String, Entry> ACTIVE = new ConcurrentHashMap<>();

    private SubscriptionClaims() {
    }

    /**
     * Registers one consumer of {@code key} (backend and queue).
     *
     * @throws SubscriptionInUseException if the subscription is unshared and already consumed, or is
     *     consumed with another identity
     */
    static SubscriptionClaim claim(String key, SubscriptionIdentity identity, boolean shared, String description) {
        SubscriptionInUseException[] refused = new SubscriptionInUseException[1];
        ACTIVE.compute(key, (k, e) -> {
            if (e == null) {
                return new Entry(identity, 1);
            }
            if (!shared) {
                refused[0] = new SubscriptionInUseException(description
                        + " already has an active consumer in this JVM; an unshared subscription allows one");
                return e;
            }
            if (!e.identity().equals(identity)) {
                refused[0] = new SubscriptionInUseException(description + " has active consumers in this JVM with"
                        + " another topic, selector or noLocal setting; every consumer of one subscription must"
                        + " use the same ones");
                return e;
            }
            return new Entry(identity, e.consumers() + 1);
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return new Claim(key);
    }

    static boolean isClaimed(String key) {
        return ACTIVE.containsKey(key);
    }

    /** Unregisters a consumer; true when it was the last one. */
    private static boolean release(String key) {
        boolean[] last = new boolean[1];
        ACTIVE.computeIfPresent(key, (k, e) -> {
            if (e.consumers() <= 1) {
                last[0] = true;
                return null;
            }
            return new Entry(e.identity(), e.consumers() - 1);
        });
        return last[0];
    }

    private static final class Claim implements SubscriptionClaim {
        private final String key;
        private final AtomicBoolean released = new AtomicBoolean();

        Claim(String key) {
            this.key = key;
        }

        @Override
        public boolean release() {
            return released.compareAndSet(false, true) && SubscriptionClaims.release(key);
        }
    }
}
