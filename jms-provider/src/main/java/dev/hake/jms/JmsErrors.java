package dev.hake.jms;

import dev.hake.core.AccessDeniedException;
import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.MessageTooLargeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.SubscriptionInUseException;
import dev.hake.core.WireFormatException;
import dev.hake.jms.message.JmsExceptions;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
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
        if (t instanceof OutcomeUnknownException) {
            jms = new HakeInDoubtException(t.getMessage());
        } else if (t instanceof DestinationNotFoundException) {
            jms = new InvalidDestinationException(t.getMessage());
        } else if (t instanceof AccessDeniedException) {
            jms = new JMSSecurityException(t.getMessage());
        } else if (t instanceof WireFormatException) {
            jms = new MessageFormatException(t.getMessage());
        } else if (t instanceof SubscriptionInUseException) {
            jms = new IllegalStateException(t.getMessage());
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

    /** The unchecked twin, for JMSContext: each JMS exception subclass that has a twin maps onto it, cause kept. */
    public static JMSRuntimeException toRuntime(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof JMSRuntimeException r) {
            return r;
        }
        JMSException jms = toJms(t);
        String message = jms.getMessage();
        String code = jms.getErrorCode();
        JMSRuntimeException r;
        if (jms instanceof InvalidDestinationException) {
            r = new InvalidDestinationRuntimeException(message, code, jms);
        } else if (jms instanceof JMSSecurityException) {
            r = new JMSSecurityRuntimeException(message, code, jms);
        } else if (jms instanceof IllegalStateException) {
            r = new IllegalStateRuntimeException(message, code, jms);
        } else if (jms instanceof InvalidSelectorException) {
            r = new InvalidSelectorRuntimeException(message, code, jms);
        } else if (jms instanceof MessageFormatException) {
            r = new MessageFormatRuntimeException(message, code, jms);
        } else if (jms instanceof MessageNotWriteableException) {
            r = new MessageNotWriteableRuntimeException(message, code, jms);
        } else if (jms instanceof InvalidClientIDException) {
            r = new InvalidClientIDRuntimeException(message, code, jms);
        } else if (jms instanceof TransactionRolledBackException) {
            r = new TransactionRolledBackRuntimeException(message, code, jms);
        } else if (jms instanceof TransactionInProgressException) {
            r = new TransactionInProgressRuntimeException(message, code, jms);
        } else if (jms instanceof ResourceAllocationException) {
            r = new ResourceAllocationRuntimeException(message, code, jms);
        } else {
            r = new JMSRuntimeException(message, code, jms);
        }
        return r;
    }

    /**
     * The JMS exception for a failed send of the message {@code messageId}: when its outcome is in
     * doubt, a {@link HakeInDoubtException} that names it.
     */
    static JMSException toJms(Throwable failure, String messageId) {
        JMSException jms = toJms(failure);
        if (jms instanceof HakeInDoubtException && jms.getCause() instanceof OutcomeUnknownException unknown) {
            return JmsExceptions.withCause(new HakeInDoubtException(
                    "the send of " + messageId + " is in doubt: it may have been sent. " + unknown.getMessage(),
                    java.util.List.of(), java.util.List.of(), java.util.List.of(messageId)), unknown);
        }
        return jms;
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
