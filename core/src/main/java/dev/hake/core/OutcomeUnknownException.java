package dev.hake.core;

/**
 * A request whose outcome nobody can know: some attempt reached AWS and its answer was lost (a
 * reset connection, a timeout) or was a server error, so AWS may have applied it. A send may have
 * stored its message; a delete may have removed its message. Never reported as "not done".
 */
public class OutcomeUnknownException extends HakeException {
    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
