package dev.hake.core.send;

import dev.hake.core.HakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The requests a {@link SendCoalescer} makes: {@link Sender} in production, a fake in its tests. */
interface Transmitter {

    /** One SendMessage or Publish. */
    CompletableFuture<Void> sendOne(PreparedSend send);

    /**
     * One SendMessage or Publish for a caller that waits for it: made on the calling thread when the
     * transmitter can, so the returned future may already be complete.
     */
    default CompletableFuture<Void> sendOneHere(PreparedSend send) {
        return sendOne(send);
    }

    /** One batch request; one entry per message, null where it was sent. Never fails itself. */
    CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch);
}
