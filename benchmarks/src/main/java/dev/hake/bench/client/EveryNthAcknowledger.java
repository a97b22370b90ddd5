package dev.hake.bench.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A CLIENT_ACKNOWLEDGE session's acknowledgements, one every N messages: how careful code keeps
 * the acknowledgement requests down. Called by the session's listener, and at the end of a trial
 * from another thread, when the listener is idle, for the last few; hence the lock.
 */
final class EveryNthAcknowledger {

    private final int every;
    private int unacknowledged;
    private Message last;

    EveryNthAcknowledger(int every) {
        this.every = every;
    }

    /** The listener took {@code message}: acknowledges it, and what came before, if it is the Nth. */
    synchronized void received(Message message) throws JMSException {
        if (++unacknowledged < every) {
            last = message;
            return;
        }
        message.acknowledge();
        unacknowledged = 0;
        last = null;
    }

    /** Acknowledges the messages taken since the last acknowledgement, if any. */
    synchronized void acknowledgeRemaining() throws JMSException {
        if (last != null) {
            last.acknowledge();
            unacknowledged = 0;
            last = null;
        }
    }
}
