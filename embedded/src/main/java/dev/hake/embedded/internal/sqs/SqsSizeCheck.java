package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FormParameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses what SQS refuses for its size, before ElasticMQ sees it. ElasticMQ counts characters of
 * the body alone; SQS counts bytes of the body and the attributes, so only the front can tell.
 * The per-queue MaximumMessageSize is not applied: every queue takes {@link SqsMessageSize#MAX_BYTES}.
 */
final class SqsSizeCheck {

    private SqsSizeCheck() {
    }

    /** For a JSON-protocol request of the given operation; empty if it may go on. */
    static Optional<SqsError> json(String operation, Map<?, ?> request) {
        return switch (operation) {
            case "SendMessage" -> single(SqsMessageSize.ofJson(request));
            case "SendMessageBatch" -> batch(request.get("Entries") instanceof List<?> entries
                    ? entries.stream().filter(Map.class::isInstance)
                            .mapToLong(entry -> SqsMessageSize.ofJson((Map<?, ?>) entry)).sum()
                    : 0);
            default -> Optional.empty();
        };
    }

    /** For a Query-protocol request; empty if it may go on. */
    static Optional<SqsError> query(FormParameters request) {
        return switch (request.get("Action").orElse("")) {
            case "SendMessage" -> single(SqsMessageSize.ofQuery(request));
            case "SendMessageBatch" -> batch(request.groups("SendMessageBatchRequestEntry").stream()
                    .mapToLong(SqsMessageSize::ofQuery).sum());
            default -> Optional.empty();
        };
    }

    private static Optional<SqsError> single(long size) {
        return size > SqsMessageSize.MAX_BYTES ? Optional.of(SqsError.messageTooLong()) : Optional.empty();
    }

    /** Every entry is at most the total, so a batch within the limit has no entry over it either. */
    private static Optional<SqsError> batch(long totalSize) {
        return totalSize > SqsMessageSize.MAX_BYTES ? Optional.of(SqsError.batchTooLong(totalSize)) : Optional.empty();
    }
}
