package dev.hake.jms.context;

import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application code one context calls back: which kind runs on the current thread (a listener
 * must not close its own context, a CompletionListener must not commit it either), and the
 * asynchronous sends whose CompletionListener has not returned yet, which close waits for.
 */
final class ContextCallbacks {

    enum Kind { MESSAGE_LISTENER, COMPLETION_LISTENER }

    private final ThreadLocal<Kind> running = new ThreadLocal<>();
    private int pendingSends;

    /** The kind of callback of this context running on the current thread; null when none is. */
    Kind running() {
        return running.get();
    }

    void run(Kind kind, Runnable callback) {
        Kind outer = running.get();
        running.set(kind);
        try {
            callback.run();
        } finally {
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer);
            }
        }
    }

    /** Counts one asynchronous send; the returned listener runs {@code listener} as a callback, then stops counting. */
    synchronized CompletionListener track(CompletionListener listener) {
        pendingSends++;
        return new Tracked(listener);
    }

    /** Stops counting a send that failed in the caller's thread, so its listener will never be called. */
    void abandon() {
        sendFinished();
    }

    private synchronized void sendFinished() {
        pendingSends--;
        notifyAll();
    }

    /** Waits until every counted send has completed and its listener has returned. */
    synchronized void awaitSends() {
        boolean interrupted = false;
        while (pendingSends > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                // The spec says close() must not return before the listeners have: keep waiting.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Tracked implements CompletionListener {

        private final CompletionListener listener;
        private final AtomicBoolean done = new AtomicBoolean();

        Tracked(CompletionListener listener) {
            this.listener = listener;
        }

        @Override
        public void onCompletion(Message message) {
            try {
                run(Kind.COMPLETION_LISTENER, () -> listener.onCompletion(message));
            } finally {
                finished();
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            try {
                run(Kind.COMPLETION_LISTENER, () -> listener.onException(message, exception));
            } finally {
                finished();
            }
        }

        private void finished() {
            if (done.compareAndSet(false, true)) {
                sendFinished();
            }
        }
    }
}
