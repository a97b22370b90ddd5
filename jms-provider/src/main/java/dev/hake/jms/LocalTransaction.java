package dev.hake.jms;

import dev.hake.core.HakeException;
import dev.hake.core.send.Sender;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The sends of a transacted session, held until commit. AWS has no transactions: a commit sends
 * everything in as few batch requests as the limits allow (ten messages or 256 KiB a request), and
 * only then deletes what the session consumed. A commit that fails part-way cannot take back what
 * AWS already accepted; it reports how many messages were not sent, and leaves the consumed
 * messages unacknowledged so they are delivered again.
 */
final class LocalTransaction {

    private record Pending(Sender.Outgoing outgoing, Message message, CompletionListener listener) {
    }

    private final List<Pending> pending = new ArrayList<>();

    synchronized void add(Sender.Outgoing outgoing, Message message, CompletionListener listener) {
        pending.add(new Pending(outgoing, message, listener));
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Sends every held message. Completion listeners hear the outcome of their own message on
     * {@code callbacks}.
     *
     * @throws TransactionRolledBackException if any message was not sent
     */
    void commit(Sender sender, Executor callbacks) throws JMSException {
        List<Pending> toSend = take();
        if (toSend.isEmpty()) {
            return;
        }
        List<HakeException> failures;
        try {
            failures = sender.sendAll(toSend.stream().map(Pending::outgoing).toList()).join();
        } catch (RuntimeException e) {
            JMSException cause = JmsErrors.toJms(e);
            toSend.forEach(p -> notifyFailure(p, cause, callbacks));
            throw rolledBack("commit sent none of its " + toSend.size() + " messages: " + cause.getMessage(), cause);
        }
        int failed = 0;
        HakeException first = null;
        for (int i = 0; i < toSend.size(); i++) {
            Pending p = toSend.get(i);
            HakeException failure = failures.get(i);
            if (failure == null) {
                if (p.listener() != null) {
                    callbacks.execute(() -> p.listener().onCompletion(p.message()));
                }
            } else {
                failed++;
                first = first == null ? failure : first;
                notifyFailure(p, JmsErrors.toJms(failure), callbacks);
            }
        }
        if (failed > 0) {
            throw rolledBack("commit failed to send " + failed + " of " + toSend.size() + " messages (the others "
                    + "were sent and stay sent); first failure: " + first.getMessage(), first);
        }
    }

    /** Drops the held messages; their completion listeners hear that the transaction rolled back. */
    void rollback(Executor callbacks) {
        List<Pending> dropped = take();
        for (Pending p : dropped) {
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

    private static TransactionRolledBackException rolledBack(String message, Throwable cause) {
        TransactionRolledBackException e = new TransactionRolledBackException(message);
        e.initCause(cause);
        if (cause instanceof Exception ex) {
            e.setLinkedException(ex);
        }
        return e;
    }
}
