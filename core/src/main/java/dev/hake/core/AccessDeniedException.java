package dev.hake.core;

/** AWS refused the credentials or the action. */
public class AccessDeniedException extends HakeException {
    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }

    public AccessDeniedException(String message) {
        super(message);
    }
}
