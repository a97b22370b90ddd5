package dev.hake.jms;

import dev.hake.core.Outgoing;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * How a session settles what it consumes, one implementation per JMS mode (auto, dups-ok, client,
 * transacted). A mode owns the messages handed out and not yet acknowledged and, when transacted,
 * the sends held for commit. The session keeps the rules about who may call what, and when.
 */
interface AcknowledgementMode {

    /** The {@link jakarta.jms.Session} constant, as {@code getAcknowledgeMode()} reports it. */
    int sessionMode();

    default boolean isTransacted() {
        return false;
    }

    /** {@code receive()} handed this message to the application. */
    void received(Delivered message);

    /** A MessageListener is about to get this message. */
    void listenerStarts(Delivered message);

    /** The listener has returned, or thrown ({@code threw}). */
    void listenerReturned(Delivered message, boolean threw);

    /** {@code Message.acknowledge()}: JMS has it do nothing outside CLIENT_ACKNOWLEDGE. */
    default void acknowledge() throws JMSException {
    }

    /** {@code Session.recover()}: what was consumed and not acknowledged is delivered again. */
    void recover() throws JMSException;

    /** Keeps a send for commit and says so; false when the send is to leave now. */
    default boolean hold(Outgoing outgoing, Message message, CompletionListener listener) {
        return false;
    }

    default void commit() throws JMSException {
        throw new IllegalStateException("commit() needs a transacted session");
    }

    default void rollback() throws JMSException {
        throw new IllegalStateException("rollback() needs a transacted session");
    }

    /** The session closes: held sends are dropped, and consumed messages go back to their queues. */
    void close();
}
