package dev.hake.ee.app;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * One call of a bean's {@code onMessage}, as the bean saw the message. Its text form is one line of
 * tab-separated fields, {@link #FIELDS} in that order, the body last (tests send no tabs or line breaks).
 *
 * @param n             the message's int property {@code n} (the tests number their messages), -1 if absent
 * @param deliveryCount {@code JMSXDeliveryCount}
 * @param outcome       {@value #PROCESSED} (and committed), {@value #ROLLED_BACK} (processed, but the
 *                      transaction rolled back), or {@value #THREW} (the bean threw to have it delivered again)
 */
public record Delivery(String bean, int n, boolean redelivered, int deliveryCount, String outcome, String body) {

    public static final String FIELDS = "bean\tn\tredelivered\tdeliveryCount\toutcome\tbody";
    public static final String PROCESSED = "processed";
    public static final String THREW = "threw";
    public static final String ROLLED_BACK = "rolled-back";

    static Delivery of(String bean, Message message, String outcome) throws JMSException {
        int n = message.propertyExists("n") ? message.getIntProperty("n") : -1;
        String body = message instanceof TextMessage text ? text.getText() : message.getClass().getSimpleName();
        return new Delivery(bean, n, message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"),
                outcome, body);
    }

    Delivery withOutcome(String other) {
        return new Delivery(bean, n, redelivered, deliveryCount, other, body);
    }

    public String line() {
        return String.join("\t", bean, Integer.toString(n), Boolean.toString(redelivered),
                Integer.toString(deliveryCount), outcome, body);
    }

    public static Delivery parse(String line) {
        String[] f = line.split("\t", 6);
        if (f.length != 6) {
            throw new IllegalArgumentException("not a delivery line (" + FIELDS + "): " + line);
        }
        return new Delivery(f[0], Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]), Integer.parseInt(f[3]), f[4], f[5]);
    }
}
