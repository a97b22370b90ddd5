package dev.hake.jms;

import dev.hake.core.receive.ReceivedMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a session's consumed messages go once their fate is decided: deleted from their queue, or
 * given back. In a session that is core's acknowledger and the consumers' buffers
 * ({@link CoreSettlement}); the acknowledgement modes' tests use a recording fake, so they need no AWS.
 */
interface Settlement {

    /** Acknowledges one message; the delete is batched and nobody waits for it (AUTO and DUPS_OK). */
    void delete(ReceivedMessage message);

    /** Acknowledges messages together; the future fails as the delete does, for acknowledge() and commit to report. */
    CompletableFuture<Void> deleteAll(List<ReceivedMessage> messages);

    /** Puts messages back at the head of their consumers' buffers, marked redelivered (recover, rollback). */
    void redeliver(List<Delivered> messages);

    /** Makes messages visible again in their queues for whoever polls next (a session that closes). */
    void release(List<ReceivedMessage> messages);
}
