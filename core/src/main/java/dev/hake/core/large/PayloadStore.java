package dev.hake.core.large;

import dev.hake.core.PayloadPointer;
import java.util.concurrent.CompletableFuture;

/**
 * Where large message bodies are kept: S3 in production ({@link S3PayloadStore}). Every future
 * completes on the connection's executor and fails with a {@link dev.hake.core.HakeException} that
 * names the object.
 */
public interface PayloadStore extends AutoCloseable {

    /** Stores {@code body} (as UTF-8, which Amazon's extended clients read it as) at {@code where}. */
    CompletableFuture<Void> put(PayloadPointer where, String body);

    /** The body stored at {@code where}. */
    CompletableFuture<String> get(PayloadPointer where);

    /** Deletes the object at {@code where}; deleting one that is gone is no error. */
    CompletableFuture<Void> delete(PayloadPointer where);

    @Override
    void close();
}
