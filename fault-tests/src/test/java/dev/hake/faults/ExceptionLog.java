package dev.hake.faults;

import jakarta.jms.JMSException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every exception the application saw, by where it came from, its class and its error code, and
 * every call of the connection's ExceptionListener; with the first message of each kind, for the
 * report.
 */
final class ExceptionLog {

    private static final int MAX_TEXT = 400;

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> firstText = new TreeMap<>();
    private int listenerCalls;

    /** An exception a JMS call threw; {@code operation} names the call (send, commit, acknowledge, ...). */
    synchronized void record(String operation, Throwable e) {
        String kind = operation + ": " + describe(e);
        counts.merge(kind, 1, Integer::sum);
        firstText.putIfAbsent(kind, text(e));
    }

    /** A call of the connection's ExceptionListener. */
    synchronized void listenerCalled(JMSException e) {
        listenerCalls++;
        record("ExceptionListener", e);
    }

    synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    synchronized Map<String, String> firstTexts() {
        return new TreeMap<>(firstText);
    }

    synchronized int listenerCalls() {
        return listenerCalls;
    }

    static String describe(Throwable e) {
        String code = e instanceof JMSException j ? j.getErrorCode() : null;
        return e.getClass().getSimpleName() + (code == null ? "" : "[" + code + "]");
    }

    private static String text(Throwable e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('|', '/');
        return message.length() > MAX_TEXT ? message.substring(0, MAX_TEXT) + "..." : message;
    }
}
