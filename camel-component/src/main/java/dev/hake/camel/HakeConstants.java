package dev.hake.camel;

import org.apache.camel.spi.Metadata;

/**
 * The Camel headers of the hake component: the JMS header fields of a message, in Camel form.
 * Destinations in headers are written {@code queue:NAME} or {@code topic:NAME} (temporary JMS
 * destinations {@code temp-queue:NAME}, {@code temp-topic:NAME}), so that
 * {@code toD("hake:${header.HakeReplyTo}")} replies where a JMS client asked.
 */
public final class HakeConstants {

    @Metadata(label = "common", description = "The message id (JMSMessageID), \"ID:\" and a UUID. Set on a"
            + " received exchange, and by the producer on the exchange it sent.", javaType = "String")
    public static final String MESSAGE_ID = "HakeMessageId";

    @Metadata(label = "consumer", description = "When the message was sent, in epoch milliseconds (JMSTimestamp).",
            javaType = "long")
    public static final String TIMESTAMP = "HakeTimestamp";

    @Metadata(label = "common", description = "The correlation id (JMSCorrelationID).", javaType = "String")
    public static final String CORRELATION_ID = "HakeCorrelationId";

    @Metadata(label = "common", description = "The message type (JMSType).", javaType = "String")
    public static final String TYPE = "HakeType";

    @Metadata(label = "common", description = "Where replies should go (JMSReplyTo): queue:NAME or topic:NAME.",
            javaType = "String")
    public static final String REPLY_TO = "HakeReplyTo";

    @Metadata(label = "consumer", description = "The destination the message was sent to (JMSDestination):"
            + " queue:NAME or topic:NAME.", javaType = "String")
    public static final String DESTINATION = "HakeDestination";

    @Metadata(label = "common", description = "The priority, 0 to 9 (JMSPriority). Default 4.", javaType = "int")
    public static final String PRIORITY = "HakePriority";

    @Metadata(label = "common", description = "PERSISTENT or NON_PERSISTENT (JMSDeliveryMode); the producer also"
            + " takes 2 or 1. Default PERSISTENT. Both are stored alike by SQS.", javaType = "String")
    public static final String DELIVERY_MODE = "HakeDeliveryMode";

    @Metadata(label = "producer", description = "Delay before the message may be delivered, in milliseconds"
            + " (JMS delivery delay; at most 12 hours).", javaType = "long")
    public static final String DELIVERY_DELAY = "HakeDeliveryDelay";

    @Metadata(label = "producer", description = "Time to live in milliseconds; an expired message is deleted on"
            + " arrival and never delivered. Default: it never expires.", javaType = "long")
    public static final String TIME_TO_LIVE = "HakeTimeToLive";

    @Metadata(label = "common", description = "The message group (JMSXGroupID): on a FIFO (.fifo) destination,"
            + " messages of one group are delivered in order. Without it, a producer's messages form one group.",
            javaType = "String")
    public static final String GROUP_ID = "HakeGroupId";

    @Metadata(label = "consumer", description = "When the message expires, in epoch milliseconds (JMSExpiration);"
            + " 0 for never.", javaType = "long")
    public static final String EXPIRATION = "HakeExpiration";

    @Metadata(label = "consumer", description = "How many times the message has been delivered, 1 the first time"
            + " (JMSXDeliveryCount).", javaType = "int")
    public static final String DELIVERY_COUNT = "HakeDeliveryCount";

    @Metadata(label = "consumer", description = "Whether the message was delivered before (JMSRedelivered).",
            javaType = "boolean")
    public static final String REDELIVERED = "HakeRedelivered";

    @Metadata(label = "consumer", description = "The JMS body type: NONE (no body), TEXT (String),"
            + " BYTES (a byte array), MAP (Map), STREAM (List) or OBJECT (the deserialised object).",
            javaType = "String")
    public static final String BODY_KIND = "HakeBodyKind";

    private HakeConstants() {
    }
}
