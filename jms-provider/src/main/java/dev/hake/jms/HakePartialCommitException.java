package dev.hake.jms;

import jakarta.jms.JMSException;
import java.util.List;

/**
 * A commit that sent some of its messages and was refused the rest, with no outcome in doubt. AWS
 * cannot take back what it accepted: {@link #sent()} stay sent, {@link #notSent()} were never
 * stored, and what the session consumed is delivered again. Not a {@code
 * TransactionRolledBackException}: part of the work was done.
 */
public class HakePartialCommitException extends JMSException implements SendOutcome {

    private static final long serialVersionUID = 1L;

    /** The {@link #getErrorCode() error code} of a commit that was partly applied. */
    public static final String ERROR_CODE = "HAKE_PARTIAL_COMMIT";

    private final List<String> sent;
    private final List<String> notSent;

    public HakePartialCommitException(String message, List<String> sent, List<String> notSent) {
        super(message, ERROR_CODE);
        this.sent = List.copyOf(sent);
        this.notSent = List.copyOf(notSent);
    }

    @Override
    public List<String> sent() {
        return sent;
    }

    @Override
    public List<String> notSent() {
        return notSent;
    }

    @Override
    public List<String> inDoubt() {
        return List.of();
    }
}
