package dev.hake.faults;

import jakarta.jms.JMSException;
import java.util.List;

/** What a scenario plugs into a {@link FaultCase}: how it sends, and the consumers it stops at the end. */
interface Workload {

    /** Sends messages by key, booking in the ledger what the API said about each. */
    interface Sender {
        void sendAll(List<String> keys) throws JMSException;
    }
}
