package dev.hake.bench.client;

/**
 * The drain scenario's consumers, made on a queue that already holds its backlog and not yet
 * consuming: {@link #start()} is the moment the drain's clock starts.
 */
public interface DrainConsumers extends AutoCloseable {

    /** Starts consuming. */
    void start() throws Exception;

    /** As {@link Trial#acknowledgeRemaining()}. */
    default void acknowledgeRemaining() throws Exception {
        // most clients acknowledge each message, or batch after a short wait of their own
    }

    /** Stops consuming and closes connections; deleting the queue is the caller's job. */
    @Override
    void close();
}
