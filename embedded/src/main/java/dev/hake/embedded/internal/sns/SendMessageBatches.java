package dev.hake.embedded.internal.sns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits the messages for one queue into few SendMessageBatch requests: at most 10 entries, and
 * at most 262,144 bytes of bodies and attributes together (SQS has taken 1 MiB per batch since
 * 2025-08-04; the older bound is kept, and costs at most a few more requests). Order is kept, so
 * the queue receives them in publish order. A message over the byte limit by itself gets a batch
 * of its own, so that SQS answers for it alone.
 */
final class SendMessageBatches {

    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 262_144;

    private SendMessageBatches() {
    }

    static <T> List<List<T>> split(List<T> messages, ToIntFunction<T> size) {
        List<List<T>> batches = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        long batchBytes = 0;
        for (T message : messages) {
            int bytes = size.applyAsInt(message);
            if (!batch.isEmpty() && (batch.size() == MAX_ENTRIES || batchBytes + bytes > MAX_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(message);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
