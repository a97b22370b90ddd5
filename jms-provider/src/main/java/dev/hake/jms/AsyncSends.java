package dev.hake.jms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous sends of one session, from send to the return of their CompletionListener.
 * Callbacks run in send order (JMS 7.3.8), whatever order AWS answers in: sends to different
 * destinations travel in different requests. And close and commit can wait for them (JMS 7.3.4):
 * {@link #awaitCallbacks} returns once every send so far has completed and its callback returned.
 */
final class AsyncSends {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncSends.class);
    /** Longest wait at close for sends AWS has not answered; the SDK's own timeouts come first. */
    private static final long AWAIT_LIMIT_SECONDS = 120;

    /** One send: who sent it, and when its callback has returned. */
    record Ticket(long sequence, Object producer, CompletableFuture<Void> returned) {
    }

    private final SerialExecutor callbacks;
    private final Map<Long, Ticket> inFlight = new HashMap<>();
    /** Callbacks of completed sends that wait for an earlier send to complete first. */
    private final Map<Long, Runnable> completedOutOfTurn = new HashMap<>();
    private long nextSequence;
    private long nextToRun;

    /** {@code callbacks}: the session's serial delivery executor. */
    AsyncSends(SerialExecutor callbacks) {
        this.callbacks = callbacks;
    }

    /** Registers a send of {@code producer}; call before the send starts. */
    synchronized Ticket begin(Object producer) {
        Ticket ticket = new Ticket(nextSequence++, producer, new CompletableFuture<>());
        inFlight.put(ticket.sequence(), ticket);
        return ticket;
    }

    /** The send has completed; its callback runs once every earlier send's has been handed over. */
    synchronized void completed(Ticket ticket, Runnable callback) {
        completedOutOfTurn.put(ticket.sequence(), () -> {
            try {
                callback.run();
            } finally {
                finished(ticket);
            }
        });
        Runnable next;
        while ((next = completedOutOfTurn.remove(nextToRun)) != null) {
            nextToRun++;
            callbacks.execute(next);
        }
    }

    private synchronized void finished(Ticket ticket) {
        inFlight.remove(ticket.sequence());
        ticket.returned().complete(null);
    }

    /**
     * Waits until every send so far (of {@code producer}, or of the whole session when null) has
     * completed and its callback has returned. On the session's delivery thread (a listener) it
     * returns at once: the callbacks run after the caller.
     */
    void awaitCallbacks(Object producer) {
        if (callbacks.inTask()) {
            return;
        }
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        synchronized (this) {
            for (Ticket t : inFlight.values()) {
                if (producer == null || t.producer() == producer) {
                    waits.add(t.returned());
                }
            }
        }
        if (waits.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(AWAIT_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("gave up waiting for {} asynchronous sends after {} s; their callbacks come later",
                    waits.size(), AWAIT_LIMIT_SECONDS);
        }
    }

    /**
     * Waits until the callbacks already handed to the delivery executor have run (for commit and
     * rollback); at once on the delivery thread, as {@link #awaitCallbacks}.
     */
    void awaitHandedOver() {
        if (callbacks.inTask()) {
            return;
        }
        CompletableFuture<Void> marker = new CompletableFuture<>();
        callbacks.execute(() -> marker.complete(null));
        try {
            marker.get(AWAIT_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("gave up waiting for CompletionListener callbacks after {} s", AWAIT_LIMIT_SECONDS);
        }
    }
}
