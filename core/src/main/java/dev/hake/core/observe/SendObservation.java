package dev.hake.core.observe;

import dev.hake.core.CoreApi;

/** One message being sent; told once how it ended ({@link #ended} or {@link #rolledBack}). */
@CoreApi
public interface SendObservation {

    SendObservation NONE = failure -> { };

    /** The send ended: AWS accepted it ({@code failure} null), or not, or nobody knows (an {@code OutcomeUnknownException}). */
    void ended(Throwable failure);

    /** Instead of {@link #ended}: the transaction that held the message was rolled back, so it was never sent. */
    default void rolledBack() {
    }
}
