package dev.hake.core;

/** The topic or queue does not exist and hake was told not to create it. */
public class DestinationNotFoundException extends HakeException {
    public DestinationNotFoundException(String message) {
        super(message);
    }

    public DestinationNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
