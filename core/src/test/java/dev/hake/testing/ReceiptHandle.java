package dev.hake.testing;

/**
 * A receipt handle of the in-memory queue: which queue (its incarnation, so that a handle outlives
 * neither its queue nor a queue of the same name made after it), which message, and which receive
 * of it. Only the handle of a message's latest receive acts on it, as on SQS.
 */
record ReceiptHandle(long incarnation, String messageId, int receive) {

    private static final String SEPARATOR = ":";

    /** The handle {@code text} names on the queue of {@code incarnation}; null if it is not one of its handles. */
    static ReceiptHandle parse(String text, long incarnation) {
        String[] parts = text == null ? new String[0] : text.split(SEPARATOR, -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            ReceiptHandle handle = new ReceiptHandle(Long.parseLong(parts[0]), parts[1], Integer.parseInt(parts[2]));
            return handle.incarnation() == incarnation ? handle : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static AwsFailures.Refusal invalid(String text) {
        return new AwsFailures.Refusal("ReceiptHandleIsInvalid",
                "The input receipt handle \"" + text + "\" is not a valid receipt handle.");
    }

    /** The message was received again after this handle was given out. */
    static AwsFailures.Refusal superseded() {
        return new AwsFailures.Refusal("ReceiptHandleIsInvalid",
                "The receipt handle has expired: the message was received again since it was given out.");
    }

    @Override
    public String toString() {
        return incarnation + SEPARATOR + messageId + SEPARATOR + receive;
    }
}
