package dev.hake.jms.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the asynchronous sends of one context whose CompletionListener has not returned yet, so
 * that {@code close()} can wait for them as the spec requires.
 */
final class PendingSends {

    private int pending;

    /** Counts one send; the returned listener stops counting it once {@code listener} has returned. */
    synchronized CompletionListener track(CompletionListener listener) {
        pending++;
        return new Counted(listener);
    }

    /** Stops counting a send that failed before it started, so its listener will never be called. */
    void abandon() {
        finished();
    }

    private synchronized void finished() {
        pending--;
        notifyAll();
    }

    /** Waits until every counted send has completed and its listener returned. */
    synchronized void awaitNone() {
        boolean interrupted = false;
        while (pending > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                // The spec says close() must not return before the callbacks have: keep waiting.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Counted implements CompletionListener {

        private final CompletionListener listener;
        private final AtomicBoolean done = new AtomicBoolean();

        Counted(CompletionListener listener) {
            this.listener = listener;
        }

        @Override
        public void onCompletion(Message message) {
            try {
                listener.onCompletion(message);
            } finally {
                done();
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            try {
                listener.onException(message, exception);
            } finally {
                done();
            }
        }

        private void done() {
            if (done.compareAndSet(false, true)) {
                finished();
            }
        }
    }
}
