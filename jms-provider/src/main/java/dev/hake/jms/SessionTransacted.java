package dev.hake.jms;

import static dev.hake.jms.message.JmsExceptions.withCause;

import dev.hake.core.Outgoing;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.List;

/**
 * SESSION_TRANSACTED: sends are held and consumed messages stay unacknowledged until commit, which
 * sends first and acknowledges only after, so a failed send leaves the consumed messages to be
 * delivered again. Rollback drops the sends and delivers the consumed messages again. AWS has no
 * transactions, so a commit that fails part-way says exactly what it did ({@link SendOutcome}).
 */
final class SessionTransacted extends SettledByApplication {

    private final HeldSends sends;
    /** Returns once the completion listeners of the settled sends have returned (JMS asks it of commit and rollback). */
    private final Runnable awaitCallbacks;

    SessionTransacted(ConsumedMessages consumed, HeldSends sends, Runnable awaitCallbacks) {
        super(consumed);
        this.sends = sends;
        this.awaitCallbacks = awaitCallbacks;
    }

    @Override
    public int sessionMode() {
        return Session.SESSION_TRANSACTED;
    }

    @Override
    public boolean isTransacted() {
        return true;
    }

    @Override
    public void recover() throws JMSException {
        throw new IllegalStateException("recover() is for non-transacted sessions; use rollback()");
    }

    @Override
    public boolean hold(Outgoing outgoing, Message message, CompletionListener listener) {
        sends.add(outgoing, message, listener);
        return true;
    }

    @Override
    public void commit() throws JMSException {
        List<String> sent;
        try {
            sent = sends.commit();
        } catch (JMSException sendFailed) {
            consumed.redeliverAll();
            awaitCallbacks.run();
            throw sendFailed;
        }
        // JMS: commit returns once the callbacks of the sends it settled have returned.
        awaitCallbacks.run();
        try {
            consumed.deleteAll().join();
        } catch (RuntimeException e) {
            throw acknowledgeFailed(JmsErrors.toJms(e), sent);
        }
    }

    /** The sends went out; what is left to say is what became of the consumed messages. */
    private static JMSException acknowledgeFailed(JMSException failure, List<String> sent) {
        String what = "commit sent its " + sent.size() + " messages, but ";
        if (failure instanceof HakeInDoubtException) {
            return withCause(new HakeInDoubtException(what + "the acknowledgement of what it consumed is in doubt: "
                    + failure.getMessage(), sent, List.of(), List.of()), failure);
        }
        if (sent.isEmpty()) {
            // Nothing was sent and nothing consumed was acknowledged: the transaction rolled back.
            return withCause(new HakeRolledBackException("commit rolled back: what it consumed could not be"
                    + " acknowledged and is delivered again: " + failure.getMessage(), List.of()), failure.getCause());
        }
        return withCause(new HakePartialCommitException(what + "could not acknowledge what it consumed: "
                + failure.getMessage(), sent, List.of()), failure.getCause());
    }

    @Override
    public void rollback() {
        sends.rollback();
        consumed.redeliverAll();
        awaitCallbacks.run();
    }

    @Override
    public void close() {
        sends.rollback();
        consumed.releaseAll();
    }
}
