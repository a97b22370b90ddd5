package dev.hake.jms;

import dev.hake.core.AccessDeniedException;
import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.MessageTooLargeException;
import dev.hake.core.WireFormatException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where failures become JMS exceptions. Spring's JmsUtils and Camel branch on the
 * exception's class, so each core failure maps onto the exact JMS type, with the cause kept.
 */
public final class JmsErrors {

    private JmsErrors() {
    }

    /** The checked JMS exception for a failure. */
    public static JMSException toJms(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof JMSException j) {
            return j;
        }
        JMSException jms;
        if (t instanceof DestinationNotFoundException) {
            jms = new InvalidDestinationException(t.getMessage());
        } else if (t instanceof AccessDeniedException) {
            jms = new JMSSecurityException(t.getMessage());
        } else if (t instanceof WireFormatException) {
            jms = new MessageFormatException(t.getMessage());
        } else if (t instanceof MessageTooLargeException) {
            jms = new JMSException(t.getMessage());
        } else {
            jms = new JMSException(t.getMessage() == null ? t.toString() : t.getMessage());
        }
        if (t instanceof Exception e) {
            jms.setLinkedException(e);
        }
        jms.initCause(t);
        return jms;
    }

    /** The unchecked twin, for JMSContext. */
    public static JMSRuntimeException toRuntime(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof JMSRuntimeException r) {
            return r;
        }
        JMSException jms = toJms(t);
        JMSRuntimeException r;
        if (jms instanceof InvalidDestinationException) {
            r = new InvalidDestinationRuntimeException(jms.getMessage(), jms.getErrorCode(), jms);
        } else if (jms instanceof JMSSecurityException) {
            r = new JMSSecurityRuntimeException(jms.getMessage(), jms.getErrorCode(), jms);
        } else {
            r = new JMSRuntimeException(jms.getMessage(), jms.getErrorCode(), jms);
        }
        return r;
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0; i < 10 && (cur instanceof CompletionException || cur instanceof ExecutionException)
                && cur.getCause() != null; i++) {
            cur = cur.getCause();
        }
        return cur;
    }
}
