package dev.hake.camel;

import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One poll loop of a consumer: a receive buffer that long-polls and prefetches on its own, and a
 * serial dispatcher that hands its messages to the route one exchange at a time. No thread waits
 * here: the dispatcher runs on the consumer's pool while there is a message to hand over, and an
 * exchange that completes asynchronously resumes it from its callback.
 */
final class ConsumerLane {

    /** Starts routing one message; returns true when the exchange completed before returning. */
    @FunctionalInterface
    interface Delivery {
        boolean deliver(ReceivedMessage message, Runnable resume);
    }

    private final ReceiveBuffer buffer;
    private final Executor executor;
    private final Delivery delivery;
    /** A dispatcher is scheduled, running, or waiting for an exchange to complete. */
    private boolean active;
    /** Messages arrived while active: look again before going idle. */
    private boolean wakeUp;

    ConsumerLane(ReceiveBuffer buffer, Executor executor, Delivery delivery) {
        this.buffer = buffer;
        this.executor = executor;
        this.delivery = delivery;
    }

    void start() {
        buffer.listen(this::messagesAvailable);
        buffer.start();
    }

    /** Stops fetching; prefetched messages go back to the queue at once. */
    void suspend() {
        buffer.stop();
    }

    void resume() {
        buffer.start();
        messagesAvailable();
    }

    /** Closes the buffer, releasing what it prefetched; an exchange still running settles its own message. */
    void close() {
        buffer.close();
    }

    /** Called by the buffer (on an AWS completion thread, so it must not block) when messages arrive. */
    private void messagesAvailable() {
        synchronized (this) {
            if (active) {
                wakeUp = true;
                return;
            }
            active = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this::dispatch);
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                active = false;
            }
        }
    }

    private void dispatch() {
        while (true) {
            ReceivedMessage message = buffer.poll();
            if (message == null) {
                synchronized (this) {
                    if (!wakeUp) {
                        active = false;
                        return;
                    }
                    wakeUp = false;
                }
                continue;
            }
            if (!delivery.deliver(message, this::schedule)) {
                // The exchange goes on asynchronously; its completion schedules the dispatcher again.
                return;
            }
        }
    }
}
