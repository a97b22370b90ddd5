package dev.hake.testing;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What an in-memory SDK client is: a view on its {@link InMemoryAws} backend that can be closed.
 * Closing it closes this client only; the queues and topics stay, as AWS's stay when an SDK client
 * closes, and a call on a closed client fails as the SDK fails it, without asking the backend.
 */
abstract class InMemoryClient {

    final InMemoryAws backend;
    private final String service;
    private volatile boolean closed;

    InMemoryClient(InMemoryAws backend, String service) {
        this.backend = backend;
        this.service = service;
    }

    /** Applies {@code request} on the backend and answers it as the SDK would; see {@link InMemoryAws#answer}. */
    <T> CompletableFuture<T> call(Supplier<T> request) {
        return backend.answer(closed, service, request);
    }

    boolean isClosed() {
        return closed;
    }

    public void close() {
        closed = true;
    }
}
