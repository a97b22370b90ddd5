package dev.hake.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the application was told about each message, and what became of it on each subscription:
 * the book the contract is checked against. Messages are known by a key of the test's own (the
 * JMS property {@code seq}); a resend after a failure is a new message with a new key.
 */
final class Ledger {

    /** What a send (or the commit of a transacted send) told the application. */
    enum SendState {
        /** send()/commit() returned normally, or SendOutcome.sent() named it: it must arrive. */
        SENT,
        /** HAKE_IN_DOUBT, or SendOutcome.inDoubt(): it may arrive or not. */
        IN_DOUBT,
        /** Any other failure, or SendOutcome.notSent(): it must not arrive. */
        NOT_SENT
    }

    /** What became of a message's latest delivery on one subscription. */
    enum AckState {
        /** Delivered, not yet acknowledged or committed. */
        PENDING,
        /** Acknowledged or committed: gone for good (it may only come back marked redelivered). */
        ACKED,
        /** The acknowledgement or commit failed with HAKE_IN_DOUBT: it may come back. */
        IN_DOUBT,
        /** recover(), or an acknowledgement or commit that failed otherwise: it must come back. */
        MUST_RETURN
    }

    private static final class Track {
        int deliveries;
        int duplicatesAfterAck;
        AckState state = AckState.PENDING;
        boolean everAcked;
    }

    private final List<String> subscriptions;
    private final Map<String, SendState> sends = new LinkedHashMap<>();
    private final Map<String, Map<String, Track>> tracks = new LinkedHashMap<>();
    private int duplicates;
    private int unmarked;
    private final List<String> unmarkedSamples = new ArrayList<>();
    private int foreign;
    private long lastDeliveryNanos = System.nanoTime();

    Ledger(List<String> subscriptions) {
        this.subscriptions = List.copyOf(subscriptions);
        subscriptions.forEach(s -> tracks.put(s, new LinkedHashMap<>()));
    }

    List<String> subscriptions() {
        return subscriptions;
    }

    synchronized void sent(String key, SendState state) {
        sends.put(key, state);
    }

    /**
     * A delivery to the application. Every delivery after the first is a duplicate and must be
     * marked JMSRedelivered.
     */
    synchronized void delivered(String subscription, String key, boolean redelivered) {
        delivered(subscription, key, redelivered, "");
    }

    /** The same, with a description of the delivery for the report ({@link Messages#describe}). */
    synchronized void delivered(String subscription, String key, boolean redelivered, String detail) {
        lastDeliveryNanos = System.nanoTime();
        Map<String, Track> bySubscription = tracks.get(subscription);
        if (key == null || bySubscription == null) {
            foreign++;
            return;
        }
        Track t = bySubscription.computeIfAbsent(key, k -> new Track());
        t.deliveries++;
        if (t.deliveries > 1) {
            duplicates++;
            if (t.everAcked) {
                t.duplicatesAfterAck++;
            }
            if (!redelivered) {
                unmarked++;
                if (unmarkedSamples.size() < 10) {
                    unmarkedSamples.add(subscription + "/" + key + " (delivery " + t.deliveries
                            + (detail.isEmpty() ? "" : ", " + detail) + ")");
                }
            }
        }
        t.state = AckState.PENDING;
    }

    /** The latest delivery of each message was acknowledged, or its acknowledgement failed. */
    synchronized void settled(String subscription, List<String> keys, AckState state) {
        Map<String, Track> bySubscription = tracks.get(subscription);
        for (String key : keys) {
            Track t = bySubscription.get(key);
            if (t != null) {
                t.state = state;
                t.everAcked |= state == AckState.ACKED;
            }
        }
    }

    /** How many times the message was delivered on the subscription. */
    synchronized int deliveries(String subscription, String key) {
        Track t = tracks.get(subscription).get(key);
        return t == null ? 0 : t.deliveries;
    }

    synchronized long nanosSinceLastDelivery() {
        return System.nanoTime() - lastDeliveryNanos;
    }

    /** True when every message that must arrive did, on every subscription, and nothing waits to come back. */
    synchronized boolean allSettled() {
        return unsettled().isEmpty();
    }

    /** True when the message was delivered and acknowledged (or in doubt) on every subscription. */
    synchronized boolean settled(String key) {
        for (String subscription : subscriptions) {
            Track t = tracks.get(subscription).get(key);
            if (t == null || !(t.state == AckState.ACKED || t.state == AckState.IN_DOUBT)) {
                return false;
            }
        }
        return true;
    }

    /** subscription/key of every message that must arrive (or come back) and has not. */
    synchronized Set<String> unsettled() {
        Set<String> missing = new TreeSet<>();
        sends.forEach((key, state) -> {
            if (state != SendState.SENT) {
                return;
            }
            for (String subscription : subscriptions) {
                Track t = tracks.get(subscription).get(key);
                if (t == null) {
                    missing.add(subscription + "/" + key + " (never arrived)");
                } else if (t.state == AckState.MUST_RETURN) {
                    missing.add(subscription + "/" + key + " (did not come back)");
                } else if (t.state == AckState.PENDING) {
                    missing.add(subscription + "/" + key + " (delivered, never acknowledged)");
                }
            }
        });
        return missing;
    }

    /** subscription/key of every message the application was told was not sent, yet arrived. */
    synchronized Set<String> falseFailures() {
        Set<String> arrived = new TreeSet<>();
        sends.forEach((key, state) -> {
            if (state == SendState.NOT_SENT) {
                for (String subscription : subscriptions) {
                    if (tracks.get(subscription).containsKey(key)) {
                        arrived.add(subscription + "/" + key);
                    }
                }
            }
        });
        return arrived;
    }

    /** Sends of the workload by what the API said (the message sent after the faults not counted). */
    synchronized Map<SendState, Integer> sendCounts() {
        Map<SendState, Integer> counts = new LinkedHashMap<>();
        for (SendState s : SendState.values()) {
            counts.put(s, 0);
        }
        sends.forEach((key, s) -> {
            if (!key.startsWith(Messages.FINAL)) {
                counts.merge(s, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** In-doubt sends that arrived on at least one subscription. */
    synchronized int inDoubtArrived() {
        int n = 0;
        for (Map.Entry<String, SendState> e : sends.entrySet()) {
            if (e.getValue() == SendState.IN_DOUBT
                    && subscriptions.stream().anyMatch(s -> tracks.get(s).containsKey(e.getKey()))) {
                n++;
            }
        }
        return n;
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int duplicatesAfterAck() {
        return tracks.values().stream().flatMap(m -> m.values().stream()).mapToInt(t -> t.duplicatesAfterAck).sum();
    }

    synchronized int unmarked() {
        return unmarked;
    }

    synchronized List<String> unmarkedSamples() {
        return List.copyOf(unmarkedSamples);
    }

    synchronized int deliveriesInAll() {
        return tracks.values().stream().flatMap(m -> m.values().stream()).mapToInt(t -> t.deliveries).sum();
    }

    synchronized int foreign() {
        return foreign;
    }
}
