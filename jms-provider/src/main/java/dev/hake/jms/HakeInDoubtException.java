package dev.hake.jms;

import jakarta.jms.JMSException;
import java.util.List;

/**
 * An operation whose outcome hake cannot know: AWS may have applied it before its answer was
 * lost. A send or commit may have sent the messages in {@link #inDoubt()}; an acknowledgement or
 * commit may have deleted what the session consumed (if it did not, those messages are delivered
 * again, marked redelivered). The error code is {@link #ERROR_CODE}, which JMSContext's runtime
 * twin of this exception keeps.
 */
public class HakeInDoubtException extends JMSException implements SendOutcome {

    private static final long serialVersionUID = 1L;

    /** The {@link #getErrorCode() error code} of every exception whose outcome is in doubt. */
    public static final String ERROR_CODE = "HAKE_IN_DOUBT";

    private final List<String> sent;
    private final List<String> notSent;
    private final List<String> inDoubt;

    public HakeInDoubtException(String message, List<String> sent, List<String> notSent, List<String> inDoubt) {
        super(message, ERROR_CODE);
        this.sent = List.copyOf(sent);
        this.notSent = List.copyOf(notSent);
        this.inDoubt = List.copyOf(inDoubt);
    }

    /** An operation with no messages sent (an acknowledgement): nothing in the three lists. */
    public HakeInDoubtException(String message) {
        this(message, List.of(), List.of(), List.of());
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
        return inDoubt;
    }
}
