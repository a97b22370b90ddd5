package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.Topic;

/** A JMS topic: an SNS topic named {@code prefix + name}. */
public sealed class HakeTopic extends HakeDestination implements Topic permits HakeTemporaryTopic {

    private static final long serialVersionUID = 1L;

    public HakeTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public WireDestination toWire() {
        return WireDestination.topic(name());
    }
}
