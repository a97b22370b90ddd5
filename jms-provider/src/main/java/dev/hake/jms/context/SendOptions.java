package dev.hake.jms.context;

/** What a JMSProducer sends with, applied to the context's one classic producer for each send. */
record SendOptions(int deliveryMode, int priority, long timeToLive, long deliveryDelay, boolean disableMessageId,
                   boolean disableTimestamp) {
}
