package dev.hake.bench.client;

import jakarta.jms.Session;

/** How the JMS code under test is written. */
public enum JmsProfile {

    /** What most JMS code does: AUTO_ACKNOWLEDGE, synchronous PERSISTENT sends from one thread, a MessageListener. */
    PLAIN("AUTO_ACKNOWLEDGE; synchronous PERSISTENT sends from one thread; a MessageListener per consumer"),

    /** Code written for throughput: async sends with a CompletionListener, DUPS_OK_ACKNOWLEDGE listeners. */
    THROUGHPUT("send(message, CompletionListener) with up to " + JmsTrial.ASYNC_WINDOW + " in flight;"
            + " DUPS_OK_ACKNOWLEDGE MessageListener per consumer"),

    /** Transacted sessions on both sides, committed every ten messages. */
    TRANSACTED("transacted sessions: 10 sends then commit(); consumers receive() up to 10 then commit()"
            + " (sooner when the queue runs dry)"),

    /**
     * Plain sends; CLIENT_ACKNOWLEDGE listeners that acknowledge every tenth message. In Amazon's
     * library that acknowledgement is ranged: it acknowledges every message the session has
     * received up to that one, in one DeleteMessageBatch.
     */
    CLIENT_ACKNOWLEDGE("synchronous PERSISTENT sends from one thread; a CLIENT_ACKNOWLEDGE MessageListener per"
            + " consumer calling acknowledge() on every " + JmsTrial.ACKNOWLEDGE_EVERY + "th message (and on the last"
            + " when the messages run out)");

    private final String description;

    JmsProfile(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    boolean transacted() {
        return this == TRANSACTED;
    }

    int consumerAckMode() {
        return switch (this) {
            case PLAIN -> Session.AUTO_ACKNOWLEDGE;
            case THROUGHPUT -> Session.DUPS_OK_ACKNOWLEDGE;
            case TRANSACTED -> Session.SESSION_TRANSACTED;
            case CLIENT_ACKNOWLEDGE -> Session.CLIENT_ACKNOWLEDGE;
        };
    }
}
