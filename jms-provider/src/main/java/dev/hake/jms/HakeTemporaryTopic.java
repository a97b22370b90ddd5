package dev.hake.jms;

import dev.hake.core.WireDestination;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic as it arrives in JMSReplyTo. Creating temporary destinations is not supported
 * yet (see the README); a received one can be published to like any topic.
 */
public final class HakeTemporaryTopic extends HakeTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    public HakeTemporaryTopic(String name) {
        super(name);
    }

    @Override
    public WireDestination toWire() {
        return new WireDestination(WireDestination.Kind.TEMPORARY_TOPIC, name());
    }

    @Override
    public void delete() throws JMSException {
        throw new jakarta.jms.IllegalStateException(
                "temporary topic " + name() + " can only be deleted by the connection that created it");
    }
}
