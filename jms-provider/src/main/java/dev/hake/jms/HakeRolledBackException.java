package dev.hake.jms;

import jakarta.jms.TransactionRolledBackException;
import java.util.List;

/**
 * A commit that sent nothing: AWS refused every held message (or the commit failed before the
 * first request), so {@link #sent()} and {@link #inDoubt()} are empty, and what the session
 * consumed is delivered again.
 */
public class HakeRolledBackException extends TransactionRolledBackException implements SendOutcome {

    private static final long serialVersionUID = 1L;

    private final List<String> notSent;

    public HakeRolledBackException(String message, List<String> notSent) {
        super(message);
        this.notSent = List.copyOf(notSent);
    }

    @Override
    public List<String> sent() {
        return List.of();
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
