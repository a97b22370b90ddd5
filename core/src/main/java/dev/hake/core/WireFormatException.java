package dev.hake.core;

/** A received message whose hake attributes cannot be read, or a value the wire format cannot carry. */
public class WireFormatException extends HakeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
