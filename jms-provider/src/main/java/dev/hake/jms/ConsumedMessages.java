package dev.hake.jms;

import dev.hake.core.receive.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The messages a session has handed out and not yet acknowledged, in delivery order, and what
 * becomes of all of them at once: acknowledged, delivered again, or released.
 */
final class ConsumedMessages {

    private final Settlement settlement;
    private final List<Delivered> held = new ArrayList<>();

    ConsumedMessages(Settlement settlement) {
        this.settlement = settlement;
    }

    /** For the one message an AUTO or DUPS_OK listener has just returned from. */
    Settlement settlement() {
        return settlement;
    }

    void add(Delivered message) {
        synchronized (held) {
            held.add(message);
        }
    }

    /** False when the message is no longer here: a recover took it while its listener ran. */
    boolean remove(Delivered message) {
        synchronized (held) {
            return held.remove(message);
        }
    }

    CompletableFuture<Void> deleteAll() {
        return settlement.deleteAll(received(takeAll()));
    }

    void redeliverAll() {
        settlement.redeliver(takeAll());
    }

    void releaseAll() {
        settlement.release(received(takeAll()));
    }

    private List<Delivered> takeAll() {
        synchronized (held) {
            List<Delivered> all = new ArrayList<>(held);
            held.clear();
            return all;
        }
    }

    private static List<ReceivedMessage> received(List<Delivered> messages) {
        return messages.stream().map(Delivered::received).toList();
    }
}
