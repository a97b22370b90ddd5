package dev.hake.bench;

/**
 * One workload: a queue with competing consumers, or a topic with subscriptions (one consumer
 * each), and a body size. Sent while consumed, or, for a drain, all sent before the consumers start.
 *
 * @param consumers on a queue: competing consumers; on a topic: subscriptions, one consumer each
 * @param drain     the messages wait in the queue, a backlog, before the consumers start
 */
public record Scenario(String id, boolean topic, int consumers, int bodyBytes, int messages, boolean drain) {

    public static Scenario queue(int consumers, int bodyBytes, int messages) {
        return new Scenario("queue-" + consumers + "c-" + size(bodyBytes), false, consumers, bodyBytes, messages, false);
    }

    public static Scenario topic(int subscriptions, int bodyBytes, int messages) {
        return new Scenario("topic-" + subscriptions + "s-" + size(bodyBytes), true, subscriptions, bodyBytes, messages,
                false);
    }

    /** A backlog of {@code messages} on a queue, then {@code consumers} competing consumers drain it. */
    public static Scenario drain(int consumers, int bodyBytes, int messages) {
        return new Scenario("drain-" + consumers + "c", false, consumers, bodyBytes, messages, true);
    }

    /** Queues (or subscription queues) the messages land on. */
    public int subscriptions() {
        return topic ? consumers : 1;
    }

    public int consumersPerSubscription() {
        return topic ? 1 : consumers;
    }

    /** Messages consumed in all: each subscription gets every message. */
    public int deliveries() {
        return messages * subscriptions();
    }

    public Scenario withMessages(int n) {
        return new Scenario(id, topic, consumers, bodyBytes, n, drain);
    }

    private static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + "KiB" : bytes + "B";
    }
}
