package dev.hake.ra;

import jakarta.jms.Topic;

/** A topic as an administered object; see {@link AdministeredDestination}. */
public class AdministeredTopic extends AdministeredDestination implements Topic {

    private static final long serialVersionUID = 1L;

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    String kind() {
        return "topic";
    }
}
