package dev.hake.core.receive;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ReceiveMessage requests of one core that have not landed yet. SQS cannot cancel a long poll:
 * one still waiting when its consumer closes takes whatever is sent meanwhile and hides it. So the
 * core keeps its SQS client open until every poll has landed and released what it brought (see
 * {@link ReceiveBuffer#close}); otherwise those messages would stay hidden for a visibility timeout.
 */
public final class PollsInFlight {

    private final Set<CompletableFuture<?>> polls = ConcurrentHashMap.newKeySet();

    /** Tracks a poll until {@code handled} (the poll and the handling of what it brought) completes. */
    void add(CompletableFuture<?> handled) {
        polls.add(handled);
        handled.whenComplete((ok, failure) -> polls.remove(handled));
    }

    /** Completes when every poll in flight now has landed and been handled. */
    public CompletableFuture<Void> allLanded() {
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new));
    }

    public boolean isEmpty() {
        return polls.isEmpty();
    }
}
