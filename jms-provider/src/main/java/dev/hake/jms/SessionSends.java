package dev.hake.jms;

import dev.hake.core.HakeCore;
import dev.hake.core.Outgoing;
import dev.hake.core.WireMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a producer's messages leave their session, and the producer's only way to core's sender:
 * held for commit when the session is transacted, otherwise sent now, in order per session, with
 * CompletionListeners called back in send order.
 */
final class SessionSends {

    private final HakeCore core;
    private final AcknowledgementMode acknowledgement;
    private final AsyncSends asyncSends;
    /**
     * The session's sends, for the coalescer: to a FIFO destination they keep one request in
     * flight, in order; to a standard one, which promises no order, asynchronous sends beyond the
     * first in flight leave in full batches, several at once (see {@code HakeCore.publish}).
     */
    private final Object orderKey;
    /** The connection's id, stamped on each message so that noLocal consumers can skip their own. */
    private final String origin;
    /** Message ids are this prefix and a sequence number, so the ids of one session sort in send order. */
    private final String messageIdPrefix = "ID:" + UUID.randomUUID() + "-";
    private final AtomicLong messageSequence = new AtomicLong();

    SessionSends(HakeCore core, AcknowledgementMode acknowledgement, AsyncSends asyncSends, Object orderKey,
                 String origin) {
        this.core = core;
        this.acknowledgement = acknowledgement;
        this.asyncSends = asyncSends;
        this.orderKey = orderKey;
        this.origin = origin;
    }

    /**
     * A new JMS message id: unique, and in send order among this session's ids when compared as
     * strings (a fixed-width hex sequence), which lets a receiver restore the order of messages SQS
     * accepted in the same millisecond.
     */
    String nextMessageId() {
        String hex = Long.toHexString(messageSequence.incrementAndGet());
        return messageIdPrefix + "000000000000".substring(Math.min(12, hex.length())) + hex;
    }

    /**
     * Sends {@code message} (already encoded as {@code wire}); with a {@code listener} it returns at
     * once and the listener hears the outcome, without one it returns once AWS has accepted it.
     */
    void send(WireMessage wire, String producerId, Message message, CompletionListener listener, Object producer)
            throws JMSException {
        wire.origin(origin);
        Outgoing outgoing = new Outgoing(wire, producerId);
        if (acknowledgement.hold(outgoing, message, listener)) {
            return;
        }
        // Registered before the send leaves, so that callbacks run in the order of the sends.
        AsyncSends.Ticket ticket = listener == null ? null : asyncSends.begin(producer);
        CompletableFuture<Void> sent;
        try {
            sent = listener == null ? core.publishWaiting(outgoing, orderKey) : core.publish(outgoing, orderKey);
        } catch (RuntimeException e) {
            if (ticket != null) {
                // Refused before it left (too large, no such destination): the caller hears it, not the listener.
                asyncSends.completed(ticket, () -> { });
            }
            throw JmsErrors.toJms(e);
        }
        String messageId = message.getJMSMessageID();
        if (listener == null) {
            try {
                sent.join();
            } catch (RuntimeException e) {
                throw JmsErrors.toJms(e, messageId);
            }
            return;
        }
        sent.whenComplete((ok, failure) -> asyncSends.completed(ticket, () -> {
            if (failure == null) {
                listener.onCompletion(message);
            } else {
                listener.onException(message, JmsErrors.toJms(failure, messageId));
            }
        }));
    }

    /** Waits for the asynchronous sends of {@code producer} (of the whole session when null) and their callbacks. */
    void awaitCallbacks(Object producer) {
        asyncSends.awaitCallbacks(producer);
    }
}
