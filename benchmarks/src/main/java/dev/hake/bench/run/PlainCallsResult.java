package dev.hake.bench.run;

/**
 * One client's trial of the plain-calls scenario: its three stretches of calls, each measured
 * on its own; a stretch not reached because an earlier one failed is unmeasured.
 *
 * @param error why the trial stopped, or null
 */
public record PlainCallsResult(String client, CallStretch send, CallStretch receive, CallStretch listener,
                               String error) {

    public CallStretch stretch(PlainCall call) {
        return switch (call) {
            case SEND -> send;
            case RECEIVE -> receive;
            case LISTENER -> listener;
        };
    }

    public boolean complete() {
        return error == null;
    }
}
