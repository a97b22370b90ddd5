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

    /** Stops consuming and closes connections; deleting the destinations is the caller's job. */
    @Override
    void close();
}
