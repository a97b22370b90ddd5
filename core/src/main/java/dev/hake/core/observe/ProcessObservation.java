package dev.hake.core.observe;

import dev.hake.core.CoreApi;

/**
 * One message being processed by the application's listener, on the listener's thread: while it
 * is open, the message's trace is the thread's current one (OpenTelemetry's {@code Context.current()}).
 */
@CoreApi
public interface ProcessObservation {

    ProcessObservation NONE = failure -> { };

    /** The listener returned ({@code failure} null) or threw; called once, on the thread that opened it. */
    void ended(Throwable failure);
}
