package dev.hake.core.batch;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * When the entries waiting in a {@link BatchLine} for one key may leave as a batch. Everything
 * else about batching (grouping by key, splitting by count and bytes, order keys, mapping the
 * answer back to each entry) is the line's, the same for every rule.
 *
 * <p>There are two rules, because waiting costs differently: a send that waits for company is
 * latency the sender feels, an acknowledgement that waits is not (its message stays hidden
 * meanwhile), and one request per acknowledged message would multiply their cost by ten.
 */
public abstract class ReleaseRule<K> {

    ReleaseRule() {
    }

    /**
     * Entries leave as soon as their key has a request slot free, so a lone entry leaves at once
     * and never waits for a batch to fill; entries that arrive while every slot is busy wait, and
     * leave together when one frees. {@code slots}: requests a key may have in flight;
     * {@code fullBatchSlots} (at least {@code slots}): how many it may have when what waits fills a
     * batch, since a full batch is the cheapest request there is and waiting would only add latency.
     */
    public static <K> ReleaseRule<K> whenSlotFree(ToIntFunction<? super K> slots, ToIntFunction<? super K> fullBatchSlots) {
        return new WhenSlotFree<>(slots, fullBatchSlots);
    }

    /**
     * Entries wait for company: they leave when a batch is full, when {@code windowMillis} have
     * passed since the first of them joined the line, or when the line is flushed (someone waits
     * for them), with no limit on requests in flight.
     */
    public static <K> ReleaseRule<K> whenFullOrDue(long windowMillis, ScheduledExecutorService timer) {
        return new WhenFullOrDue<>(windowMillis, timer);
    }

    /**
     * Whether {@code key}'s waiting entries may leave now. {@code full}: they fill a batch;
     * {@code due}: their window has ended or the line was flushed.
     */
    abstract boolean mayRelease(K key, int inFlight, boolean full, boolean due);

    /**
     * Entries start waiting for {@code key} where none waited: a rule with a window runs
     * {@code windowEnded} when it ends. Called with the line's lock held, so it must not block.
     */
    void windowOpens(Runnable windowEnded) {
    }

    private static final class WhenSlotFree<K> extends ReleaseRule<K> {
        private final ToIntFunction<? super K> slots;
        private final ToIntFunction<? super K> fullBatchSlots;

        WhenSlotFree(ToIntFunction<? super K> slots, ToIntFunction<? super K> fullBatchSlots) {
            this.slots = slots;
            this.fullBatchSlots = fullBatchSlots;
        }

        @Override
        boolean mayRelease(K key, int inFlight, boolean full, boolean due) {
            // Flushing does not hurry what waits here: it waits for a slot, and slots keep FIFO order.
            return inFlight < (full ? Math.max(slots.applyAsInt(key), fullBatchSlots.applyAsInt(key)) : slots.applyAsInt(key));
        }
    }

    private static final class WhenFullOrDue<K> extends ReleaseRule<K> {
        private final long windowMillis;
        private final ScheduledExecutorService timer;

        WhenFullOrDue(long windowMillis, ScheduledExecutorService timer) {
            this.windowMillis = windowMillis;
            this.timer = timer;
        }

        @Override
        boolean mayRelease(K key, int inFlight, boolean full, boolean due) {
            return full || due;
        }

        @Override
        void windowOpens(Runnable windowEnded) {
            timer.schedule(windowEnded, windowMillis, TimeUnit.MILLISECONDS);
        }
    }
}
