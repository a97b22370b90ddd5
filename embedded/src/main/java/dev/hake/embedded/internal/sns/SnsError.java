package dev.hake.embedded.internal.sns;

/**
 * An error that SNS reports to the caller: its code and HTTP status are what the SDK turns into a
 * typed exception ({@code NotFound} → {@code NotFoundException}, and so on).
 */
final class SnsError extends RuntimeException {

    private final String code;
    private final int status;
    private final boolean senderFault;

    private SnsError(String code, int status, String message, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** "Sender" for the caller's mistakes, "Receiver" for ours. */
    String type() {
        return senderFault ? "Sender" : "Receiver";
    }

    boolean senderFault() {
        return senderFault;
    }

    /** {@code InvalidParameter}: the message reads "Invalid parameter: " + detail, as AWS words it. */
    static SnsError invalidParameter(String detail) {
        return new SnsError("InvalidParameter", 400, "Invalid parameter: " + detail, true);
    }

    /** {@code ParameterValueInvalid} (the SDK's InvalidParameterValueException), used for message attributes. */
    static SnsError invalidParameterValue(String message) {
        return new SnsError("ParameterValueInvalid", 400, message, true);
    }

    static SnsError topicNotFound() {
        return new SnsError("NotFound", 404, "Topic does not exist", true);
    }

    static SnsError subscriptionNotFound() {
        return new SnsError("NotFound", 404, "Subscription does not exist", true);
    }

    static SnsError resourceNotFound() {
        return new SnsError("ResourceNotFound", 404, "Resource does not exist", true);
    }

    static SnsError tagLimitExceeded(int limit) {
        return new SnsError("TagLimitExceeded", 400, "Could not complete request: tag quota of per resource exceeded ("
                + limit + " tags)", true);
    }

    static SnsError emptyBatch() {
        return new SnsError("EmptyBatchRequest", 400, "The batch request doesn't contain any entries", true);
    }

    static SnsError tooManyEntries(int limit) {
        return new SnsError("TooManyEntriesInBatchRequest", 400,
                "The batch request contains more entries than permissible (" + limit + ")", true);
    }

    static SnsError batchIdsNotDistinct(String id) {
        return new SnsError("BatchEntryIdsNotDistinct", 400, "Two or more batch entries in the request have the same Id: "
                + id, true);
    }

    static SnsError invalidBatchEntryId(String id) {
        return new SnsError("InvalidBatchEntryId", 400, "The Id of a batch entry in a batch request doesn't abide by"
                + " the specification (up to 80 letters, digits, hyphens and underscores): " + id, true);
    }

    static SnsError batchTooLong(int size, int limit) {
        return new SnsError("BatchRequestTooLong", 400, "The length of all the messages put together (" + size
                + " bytes) is more than the limit (" + limit + " bytes)", true);
    }

    static SnsError invalidAction(String action) {
        return new SnsError("InvalidAction", 400, "The action " + action
                + " is not valid for this endpoint (the embedded SNS implements topics, sqs subscriptions,"
                + " publishing and tags)", true);
    }

    /** As SNS answers a rate it will not take: HTTP 429, which the SDK retries after a back-off. */
    static SnsError throttled(String message) {
        return new SnsError("Throttled", 429, "Rate exceeded: " + message, true);
    }

    static SnsError internal(String message) {
        return new SnsError("InternalError", 500, message, false);
    }
}
