package dev.hake.core;

import dev.hake.core.receive.MessageFilter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open subscription as its consumer reads it: the SQS queue, the filter that applies the
 * selector and noLocal to what arrives there, and {@link #close()}, which ends this consumer's part
 * in it (and removes the subscription when it ends with its consumer).
 */
public final class SubscriptionSource implements AutoCloseable {

    private final String queueUrl;
    private final MessageFilter filter;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    SubscriptionSource(String queueUrl, MessageFilter filter, Runnable onClose) {
        this.queueUrl = queueUrl;
        this.filter = filter;
        this.onClose = onClose;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public MessageFilter filter() {
        return filter;
    }

    /** Ends this consumer's part; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }
}
