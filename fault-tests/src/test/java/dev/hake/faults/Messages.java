package dev.hake.faults;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** The test's messages: a text body and the key in the property {@code seq}. */
final class Messages {

    static final String KEY = "seq";
    /** The key of the message each scenario sends once the faults are off. */
    static final String FINAL = "final";

    private Messages() {
    }

    static TextMessage create(Session session, String key) throws JMSException {
        TextMessage m = session.createTextMessage("fault-suite message " + key);
        m.setStringProperty(KEY, key);
        return m;
    }

    static String keyOf(Message m) throws JMSException {
        return m.getStringProperty(KEY);
    }

    /** What the report says of a delivery: its JMSMessageID and JMSXDeliveryCount. */
    static String describe(Message m) {
        try {
            return m.getJMSMessageID() + ", JMSXDeliveryCount " + m.getObjectProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** The key of the resend of a message that was not sent. */
    static String resendKey(String key) {
        return key + "r";
    }

    static boolean isResend(String key) {
        return key.endsWith("r");
    }

    /** The number in a key ("17" and "17r" are 17); -1 for the final message. */
    static int number(String key) {
        String digits = key.replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }
}
