package dev.hake.faults;

import jakarta.jms.JMSException;
import java.util.List;

/** How a scenario sends: messages by key, with what the API said about each booked in the ledger. */
interface Sender {

    void sendAll(List<String> keys) throws JMSException;
}
