package dev.hake.core.batch;

import dev.hake.core.HakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The request a {@link BatchLine} makes for one batch of entries that share a key. */
@FunctionalInterface
public interface BatchCall<K, E> {

    /**
     * Sends {@code batch} (one to {@code maxEntries} entries, in the order they joined the line).
     * The answer holds one outcome per entry, in the same order: null where the entry was done,
     * else why not. A call that fails, or throws, fails every entry with that failure; a call that
     * can tell its entries apart (one refused, one in doubt) answers rather than fails.
     */
    CompletableFuture<List<HakeException>> send(K key, List<E> batch);
}
