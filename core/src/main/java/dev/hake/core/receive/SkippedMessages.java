package dev.hake.core.receive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages a queue consumer's selector said no to, kept hidden while its polls reach the
 * messages behind them. Once a poll comes back short of what it asked for, or brings only messages
 * already skipped, the consumer has seen the whole visible queue: the skipped messages go back at
 * once, for other consumers. Not thread-safe (the receive buffer calls it under its lock).
 */
final class SkippedMessages {

    /** Skipped messages held at most; past it they go back to the queue even mid-scan. */
    static final int MAX_HELD = 1_000;

    private final List<ReceivedMessage> held = new ArrayList<>();
    private final Set<String> heldIds = new HashSet<>();

    /**
     * A poll of {@code requested} came back with {@code polled} messages (-1: it failed), of which
     * the filter skipped {@code skippedNow}. Returns those to hand back to the queue now; empty
     * while the scan goes on.
     */
    List<ReceivedMessage> landed(List<ReceivedMessage> skippedNow, int polled, int requested) {
        boolean seenAll = polled >= 0 && (polled < requested
                || skippedNow.stream().allMatch(m -> heldIds.contains(m.sqsMessageId())));
        held.addAll(skippedNow);
        skippedNow.forEach(m -> heldIds.add(m.sqsMessageId()));
        if (!held.isEmpty() && (seenAll || held.size() > MAX_HELD)) {
            return drain();
        }
        return List.of();
    }

    /** Takes all held messages, to hand back. */
    List<ReceivedMessage> drain() {
        List<ReceivedMessage> all = new ArrayList<>(held);
        held.clear();
        heldIds.clear();
        return all;
    }
}
