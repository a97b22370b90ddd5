package dev.hake.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Derives SNS topic and SQS queue names from JMS names, stably: two processes with the same
 * settings always derive the same name. Characters AWS cannot take become '_', and a name that
 * had to be changed or shortened gets an 8-hex-digit hash of the original so that distinct JMS
 * names stay distinct.
 */
public final class ResourceNames {

    static final int MAX_QUEUE_NAME = 80;
    static final int MAX_TOPIC_NAME = 256;
    private static final String FIFO = ".fifo";

    private final String prefix;

    public ResourceNames(String prefix) {
        this.prefix = prefix;
    }

    /** The SQS queue for a JMS queue. */
    public String queue(String jmsName) {
        return fit(prefix + jmsName, MAX_QUEUE_NAME);
    }

    /** A name this class derived, without the prefix it put in front. */
    public String withoutPrefix(String derived) {
        return derived.startsWith(prefix) ? derived.substring(prefix.length()) : derived;
    }

    /** The SNS topic for a JMS topic. */
    public String topic(String jmsName) {
        return fit(prefix + jmsName, MAX_TOPIC_NAME);
    }

    /**
     * The queue of an unshared durable subscription, identified by (client ID, name) as JMS
     * identifies it; the topic is deliberately not part of it, so that unsubscribe(name) can find it.
     * The '.' between the two always adds the hash, so that no (client ID, name) pair can collide
     * with another.
     */
    public String durableSubscriptionQueue(String clientId, String subscriptionName, boolean fifo) {
        return fit(prefix + "d-" + clientId + "." + subscriptionName + (fifo ? FIFO : ""), MAX_QUEUE_NAME);
    }

    /** The queue of a shared durable subscription: one per (client ID if any, name); its consumers compete. */
    public String sharedDurableSubscriptionQueue(String clientId, String subscriptionName, boolean fifo) {
        String id = clientId == null ? subscriptionName : clientId + "." + subscriptionName;
        return fit(prefix + "sd-" + id + (fifo ? FIFO : ""), MAX_QUEUE_NAME);
    }

    /** The queue of a shared non-durable subscription, removed when its last consumer in this JVM closes. */
    public String sharedSubscriptionQueue(String clientId, String subscriptionName, boolean fifo) {
        String id = clientId == null ? subscriptionName : clientId + "." + subscriptionName;
        return fit(prefix + "sn-" + id + (fifo ? FIFO : ""), MAX_QUEUE_NAME);
    }

    /** A fresh, unique queue for a non-durable subscriber. */
    public String nonDurableSubscriptionQueue(String topicJmsName, boolean fifo) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String base = prefix + "nd-" + stripFifo(topicJmsName);
        int room = MAX_QUEUE_NAME - unique.length() - 1 - (fifo ? FIFO.length() : 0);
        String safe = sanitise(base);
        return (safe.length() > room ? safe.substring(0, room) : safe) + "-" + unique + (fifo ? FIFO : "");
    }

    static String fit(String wanted, int max) {
        boolean fifo = wanted.endsWith(FIFO);
        String base = fifo ? stripFifo(wanted) : wanted;
        String safe = sanitise(base);
        int room = max - (fifo ? FIFO.length() : 0);
        if (safe.equals(base) && safe.length() <= room && !safe.isEmpty()) {
            return wanted;
        }
        String hash = "-" + shortHash(wanted);
        int keep = Math.min(safe.length(), room - hash.length());
        return safe.substring(0, keep) + hash + (fifo ? FIFO : "");
    }

    private static String stripFifo(String s) {
        return s.endsWith(FIFO) ? s.substring(0, s.length() - FIFO.length()) : s;
    }

    private static String sanitise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
