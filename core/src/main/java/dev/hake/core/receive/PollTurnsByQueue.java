package dev.hake.core.receive;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@link PollTurns} of each queue that one core's consumers read, kept while the queue has a
 * consumer: a connection that comes and goes through many temporary queues does not keep them all.
 */
public final class PollTurnsByQueue {

    private final ScheduledExecutorService scheduler;
    private final Map<String, PollTurns> byQueueUrl = new HashMap<>();

    public PollTurnsByQueue(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    synchronized PollTurns join(String queueUrl) {
        PollTurns turns = byQueueUrl.computeIfAbsent(queueUrl, url -> new PollTurns(scheduler, System::nanoTime));
        turns.members++;
        return turns;
    }

    synchronized void leave(String queueUrl, PollTurns turns) {
        if (--turns.members == 0) {
            byQueueUrl.remove(queueUrl, turns);
        }
    }
}
