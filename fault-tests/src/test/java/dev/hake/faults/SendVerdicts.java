package dev.hake.faults;

import dev.hake.faults.Ledger.SendState;
import dev.hake.jms.HakeInDoubtException;
import dev.hake.jms.SendOutcome;
import jakarta.jms.JMSException;

/** What a failed send or commit means for one of its messages, by the contract hake promises. */
final class SendVerdicts {

    private SendVerdicts() {
    }

    /**
     * A {@link SendOutcome} names the message's fate; where it does not, HAKE_IN_DOUBT means the
     * outcome is unknown and any other failure means the message was not sent.
     */
    static SendState of(JMSException failure, String messageId) {
        if (failure instanceof SendOutcome outcome && messageId != null) {
            if (outcome.sent().contains(messageId)) {
                return SendState.SENT;
            }
            if (outcome.notSent().contains(messageId)) {
                return SendState.NOT_SENT;
            }
            if (outcome.inDoubt().contains(messageId)) {
                return SendState.IN_DOUBT;
            }
        }
        return isInDoubt(failure) ? SendState.IN_DOUBT : SendState.NOT_SENT;
    }

    static boolean isInDoubt(JMSException failure) {
        return HakeInDoubtException.ERROR_CODE.equals(failure.getErrorCode());
    }
}
