package dev.hake.jms.message;

import jakarta.jms.JMSException;

/** Attaches a cause to a JMS exception in both places callers look for it. */
public final class JmsExceptions {

    private JmsExceptions() {
    }

    /** JMSException predates exception chaining: set the cause, and the linked exception when it is one. */
    public static <E extends JMSException> E withCause(E error, Throwable cause) {
        if (cause instanceof Exception e) {
            error.setLinkedException(e);
        }
        error.initCause(cause);
        return error;
    }
}
