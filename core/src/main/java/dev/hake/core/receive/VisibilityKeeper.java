package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps messages hidden while a consumer works on them (a Camel exchange, a JMS listener): once a
 * second it extends the visibility timeout of each one within half a timeout of reappearing, so
 * that long work is not handed to another consumer meanwhile. One timer per consumer, whatever the
 * number of messages in hand.
 */
@CoreApi
public final class VisibilityKeeper implements AutoCloseable {

    private static final long SWEEP_MILLIS = 1_000;

    private final Acknowledger acknowledger;
    private final int visibilitySeconds;
    /** Running exchanges' messages, and when SQS would hand each out again (System.nanoTime). */
    private final Map<ReceivedMessage, Long> hidden = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;

    public VisibilityKeeper(Acknowledger acknowledger, ScheduledExecutorService scheduler, int visibilitySeconds) {
        this.acknowledger = acknowledger;
        this.visibilitySeconds = visibilitySeconds;
        long period = Math.max(100, Math.min(SWEEP_MILLIS, visibilitySeconds * 1000L / 4));
        this.sweep = visibilitySeconds == 0 ? null
                : scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts keeping {@code message} hidden; does nothing when the visibility timeout is 0. */
    public void hold(ReceivedMessage message) {
        if (sweep != null) {
            hidden.put(message, message.visibleAgainAtNanos());
        }
    }

    /** Stops: the message was acknowledged or released. */
    public void drop(ReceivedMessage message) {
        hidden.remove(message);
    }

    private void sweep() {
        long now = System.nanoTime();
        long margin = TimeUnit.SECONDS.toNanos(visibilitySeconds) / 2;
        hidden.replaceAll((message, visibleAgainAt) -> {
            if (visibleAgainAt - now > margin) {
                return visibleAgainAt;
            }
            acknowledger.keepHidden(message, visibilitySeconds);
            return now + TimeUnit.SECONDS.toNanos(visibilitySeconds);
        });
    }

    @Override
    public void close() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        hidden.clear();
    }
}
