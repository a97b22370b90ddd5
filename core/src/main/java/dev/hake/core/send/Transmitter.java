package dev.hake.core.send;

import dev.hake.core.HakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The requests a {@link SendCoalescer} makes: {@link Sender} in production, a fake in its tests. */
interface Transmitter {

    /** One SendMessage or Publish. */
    CompletableFuture<Void> sendOne(PreparedSend send);

    /** One batch request; one entry per message, null where it was sent. Never fails itself. */
    CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch);
}
