package dev.hake.bench.client;

import dev.hake.bench.Samples;

/** One client on one scenario: destinations made and consumers running, ready to send. */
public interface Trial extends AutoCloseable {

    /**
     * Sends the messages with sequence numbers {@code firstSeq..firstSeq+count-1}, bodies of
     * {@code bodyBytes}; returns once every one is accepted. Adds to {@code sendLatency} one
     * sample per send call (sync), per completion (async) or per commit / batch request.
     */
    void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws Exception;

    /**
     * Acknowledges what the consumers took but have not acknowledged yet: a client that
     * acknowledges every N messages leaves up to N - 1 per consumer when the messages run out.
     */
    default void acknowledgeRemaining() throws Exception {
        // most clients acknowledge each message, or batch after a short wait of their own
    }

    /** Stops consuming and closes connections; deleting the destinations is the caller's job. */
    @Override
    void close();
}
