package dev.hake.bench;

/**
 * One throughput workload: a queue with competing consumers, or a topic with subscriptions
 * (one consumer each), and a body size.
 *
 * @param consumers on a queue: competing consumers; on a topic: subscriptions, one consumer each
 */
public record Scenario(String id, boolean topic, int consumers, int bodyBytes, int messages) {

    public static Scenario queue(int consumers, int bodyBytes, int messages) {
        return new Scenario("queue-" + consumers + "c-" + size(bodyBytes), false, consumers, bodyBytes, messages);
    }

    public static Scenario topic(int subscriptions, int bodyBytes, int messages) {
        return new Scenario("topic-" + subscriptions + "s-" + size(bodyBytes), true, subscriptions, bodyBytes, messages);
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
        return new Scenario(id, topic, consumers, bodyBytes, n);
    }

    private static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + "KiB" : bytes + "B";
    }
}
