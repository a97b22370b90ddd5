package dev.hake.jms.message;

import jakarta.jms.JMSException;

/** Attaches a cause to a JMS exception in both places callers look for it. */
final class JmsExceptions {

    private JmsExceptions() {
    }

    /** JMSException predates exception chaining: set the linked exception and the cause. */
    static <E extends JMSException> E withCause(E error, Exception cause) {
        error.setLinkedException(cause);
        error.initCause(cause);
        return error;
    }
}
