package dev.hake.core;

/** A message whose encoded size is over what SNS or SQS accepts; nothing was sent. */
public class MessageTooLargeException extends HakeException {
    private final long size;
    private final long limit;

    /** {@code remedy}: what would carry it, said after the sizes. */
    public MessageTooLargeException(long size, long limit, String service, String remedy) {
        super("message is " + size + " bytes once encoded (body plus attributes), over the " + service
                + " limit of " + limit + " bytes; " + remedy + "; nothing was sent");
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
