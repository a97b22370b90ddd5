package dev.hake.core;

/** A message whose encoded size is over what SNS or SQS accepts; nothing was sent. */
public class MessageTooLargeException extends HakeException {
    private final long size;
    private final long limit;

    public MessageTooLargeException(long size, long limit, String service) {
        super("message is " + size + " bytes once encoded, over the " + service + " limit of " + limit
                + " bytes; nothing was sent");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
