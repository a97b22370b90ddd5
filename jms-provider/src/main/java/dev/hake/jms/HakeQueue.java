package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.Queue;

/** A JMS queue: an SQS queue named {@code prefix + name}. */
public sealed class HakeQueue extends HakeDestination implements Queue permits HakeTemporaryQueue {

    private static final long serialVersionUID = 1L;

    public HakeQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public WireDestination toWire() {
        return WireDestination.queue(name());
    }
}
