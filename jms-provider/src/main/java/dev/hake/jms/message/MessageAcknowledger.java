package dev.hake.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link HakeMessage#acknowledge()} calls on a received message. The session supplies it; it
 * acknowledges according to the session's mode and throws {@link jakarta.jms.IllegalStateException}
 * once the session is closed.
 */
@FunctionalInterface
public interface MessageAcknowledger {

    /** Acknowledges the messages that the session's mode says this call covers. */
    void acknowledge() throws JMSException;
}
