package dev.hake.core;

/**
 * Base of the errors core raises. The JMS face maps each subclass onto the exact JMS exception in
 * one place; messages never carry credentials or message bodies.
 */
public class HakeException extends RuntimeException {
    public HakeException(String message) {
        super(message);
    }

    public HakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
