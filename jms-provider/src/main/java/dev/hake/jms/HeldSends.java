package dev.hake.jms;

import static dev.hake.jms.message.JmsExceptions.withCause;

import dev.hake.core.HakeCore;
import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.Outgoing;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The sends of a transacted session, held until commit ({@link SessionTransacted}). AWS has no
 * transactions: a commit sends everything in as few batch requests as the limits allow (ten
 * messages or 256 KiB a request). A commit that fails part-way cannot take back what AWS already
 * accepted; its exception ({@link SendOutcome}) says which messages were sent, which were not, and
 * which are in doubt.
 */
final class HeldSends {

    /** The requests held sends make: core's in a session, a fake in tests. */
    interface Transport {

        /**
         * Makes a message ready to send, failing as a send of it would fail before leaving; sends
         * nothing (see {@link HakeCore#prepare}).
         */
        Outgoing prepare(Outgoing message);

        /** One entry per message, null where it was sent (see {@link HakeCore#publishAll}). */
        CompletableFuture<List<HakeException>> sendAll(List<Outgoing> messages);

        static Transport of(HakeCore core) {
            return new Transport() {
                @Override
                public Outgoing prepare(Outgoing message) {
                    return core.prepare(message);
                }

                @Override
                public CompletableFuture<List<HakeException>> sendAll(List<Outgoing> messages) {
                    return core.publishAll(messages);
                }
            };
        }
    }

    private record Pending(Outgoing outgoing, Message message, CompletionListener listener) {
    }

    private final Transport transport;
    /** Where completion listeners hear of their message: the session's delivery executor. */
    private final Executor callbacks;
    private final List<Pending> pending = new ArrayList<>();

    HeldSends(Transport transport, Executor callbacks) {
        this.transport = transport;
        this.callbacks = callbacks;
    }

    /**
     * Holds a send, made ready now (encoded, checked, its destination resolved): a message that can
     * never be sent fails here, not at commit, and commit sends what was made ready here.
     */
    void add(Outgoing outgoing, Message message, CompletionListener listener) {
        Outgoing ready = transport.prepare(outgoing);
        synchronized (this) {
            pending.add(new Pending(ready, message, listener));
        }
    }

    /**
     * Sends every held message and returns their ids. Completion listeners hear the outcome of
     * their own message.
     *
     * @throws HakeRolledBackException if nothing was sent
     * @throws HakePartialCommitException if AWS accepted some messages and refused the others
     * @throws HakeInDoubtException if the outcome of some message is unknown (an answer was lost)
     */
    List<String> commit() throws JMSException {
        List<Pending> toSend = take();
        if (toSend.isEmpty()) {
            return List.of();
        }
        List<HakeException> failures;
        try {
            failures = transport.sendAll(toSend.stream().map(Pending::outgoing).toList()).join();
        } catch (RuntimeException e) {
            // Refused before the first request (a message that was not made ready when held, say): nothing was sent.
            JMSException cause = JmsErrors.toJms(e);
            toSend.forEach(p -> notifyFailure(p, cause, callbacks));
            throw withCause(new HakeRolledBackException("commit sent none of its " + toSend.size() + " messages: "
                    + cause.getMessage(), ids(toSend)), cause);
        }
        List<String> sent = new ArrayList<>();
        List<String> notSent = new ArrayList<>();
        List<String> inDoubt = new ArrayList<>();
        HakeException first = null;
        for (int i = 0; i < toSend.size(); i++) {
            Pending p = toSend.get(i);
            HakeException failure = failures.get(i);
            String id = p.outgoing().message().messageId();
            if (failure == null) {
                sent.add(id);
                if (p.listener() != null) {
                    callbacks.execute(() -> p.listener().onCompletion(p.message()));
                }
                continue;
            }
            first = first == null || (failure instanceof OutcomeUnknownException && !(first instanceof OutcomeUnknownException))
                    ? failure : first;
            (failure instanceof OutcomeUnknownException ? inDoubt : notSent).add(id);
            notifyFailure(p, JmsErrors.toJms(failure, id), callbacks);
        }
        if (first == null) {
            return sent;
        }
        String counts = sent.size() + " of " + toSend.size() + " messages sent, " + notSent.size() + " not sent"
                + (inDoubt.isEmpty() ? "" : ", " + inDoubt.size() + " in doubt (they may have been sent)");
        String consumed = "; what the session consumed was not acknowledged and is delivered again. First failure: "
                + first.getMessage();
        if (!inDoubt.isEmpty()) {
            throw withCause(new HakeInDoubtException("commit is in doubt: " + counts + consumed, sent, notSent, inDoubt), first);
        }
        if (sent.isEmpty()) {
            throw withCause(new HakeRolledBackException("commit rolled back: " + counts + consumed, notSent), first);
        }
        throw withCause(new HakePartialCommitException("commit partly applied: " + counts + " (what was sent stays"
                + " sent)" + consumed, sent, notSent), first);
    }

    /** Drops the held messages; their completion listeners hear that the transaction rolled back. */
    void rollback() {
        List<Pending> dropped = take();
        for (Pending p : dropped) {
            p.outgoing().rolledBack();
            notifyFailure(p, new TransactionRolledBackException("the transaction was rolled back; not sent"), callbacks);
        }
    }

    private synchronized List<Pending> take() {
        List<Pending> all = new ArrayList<>(pending);
        pending.clear();
        return all;
    }

    private static void notifyFailure(Pending p, JMSException e, Executor callbacks) {
        if (p.listener() != null) {
            callbacks.execute(() -> p.listener().onException(p.message(), e));
        }
    }

    private static List<String> ids(List<Pending> pending) {
        return pending.stream().map(p -> p.outgoing().message().messageId()).toList();
    }
}
