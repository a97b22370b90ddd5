package dev.hake.core.batch;

import java.util.function.ToLongFunction;

/**
 * How large one batch request may be: at most {@code maxEntries} entries whose {@code size} adds up
 * to at most {@code maxBytes}. An entry larger than {@code maxBytes} on its own still goes, alone:
 * whether it may be sent at all is checked before it joins a line.
 */
public record BatchLimits<E>(int maxEntries, long maxBytes, ToLongFunction<? super E> size) {

    public BatchLimits {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a batch must hold at least one entry of at least one byte");
        }
    }

    /** Limits by count alone, for requests whose entries are small (receipt handles, say). */
    public static <E> BatchLimits<E> entries(int maxEntries) {
        return new BatchLimits<>(maxEntries, Long.MAX_VALUE, e -> 0);
    }
}
