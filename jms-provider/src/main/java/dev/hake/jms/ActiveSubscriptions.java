package dev.hake.jms;

import jakarta.jms.IllegalStateException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open consumers of each subscription queue in this JVM, across all connections: JMS forbids
 * unsubscribing a subscription with an active consumer, a second consumer on an unshared durable
 * subscription, and a shared subscription's consumers disagreeing on topic or selector. Other
 * processes' consumers are not visible here.
 */
final class ActiveSubscriptions {

    private record Entry(String fingerprint, int consumers) {
    }

    private static final Map<String, Entry> ACTIVE = new ConcurrentHashMap<>();

    private ActiveSubscriptions() {
    }

    /**
     * Registers a consumer. {@code fingerprint} says what the subscription is (topic, selector,
     * noLocal); {@code shared} allows more than one consumer.
     */
    static void open(String key, String fingerprint, boolean shared, String name) throws IllegalStateException {
        IllegalStateException[] refused = new IllegalStateException[1];
        ACTIVE.compute(key, (k, e) -> {
            if (e == null) {
                return new Entry(fingerprint, 1);
            }
            if (!shared) {
                refused[0] = new IllegalStateException("durable subscription '" + name
                        + "' already has an active consumer; an unshared subscription allows one");
                return e;
            }
            if (!e.fingerprint().equals(fingerprint)) {
                refused[0] = new IllegalStateException("shared subscription '" + name
                        + "' has active consumers with another topic, selector or noLocal setting");
                return e;
            }
            return new Entry(fingerprint, e.consumers() + 1);
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    /** Unregisters a consumer; true when it was the last one. */
    static boolean close(String key) {
        boolean[] last = new boolean[1];
        ACTIVE.computeIfPresent(key, (k, e) -> {
            if (e.consumers() <= 1) {
                last[0] = true;
                return null;
            }
            return new Entry(e.fingerprint(), e.consumers() - 1);
        });
        return last[0];
    }

    static boolean isActive(String key) {
        return ACTIVE.containsKey(key);
    }
}
