package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a publish request against its topic the way SNS does, and turns it into a
 * {@link Notification} with its id, deduplication id and sequence number.
 */
final class NotificationFactory {

    /** SNS's limit for one message: body plus attribute names, types and values. */
    static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int MAX_SUBJECT_LENGTH = 100;
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final TopicRegistry registry;
    private final Clock clock;

    NotificationFactory(TopicRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @throws SnsError InvalidParameter or ParameterValueInvalid, worded as SNS words them
     */
    Notification accept(Topic topic, PublishInput input) {
        if (input.message().isEmpty()) {
            throw SnsError.invalidParameter("Empty message");
        }
        int size = input.size();
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Message too long: the message is " + size + " bytes (body plus"
                    + " attribute names, types and values); the limit is " + MAX_MESSAGE_BYTES + " bytes");
        }
        checkSubject(input.subject());
        String message = messageForSqs(input);
        String groupId = input.messageGroupId();
        String deduplicationId = input.deduplicationId();
        String sequenceNumber = null;
        if (topic.fifo()) {
            if (groupId == null) {
                throw SnsError.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            }
            checkFifoId("MessageGroupId", groupId);
            if (deduplicationId == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsError.invalidParameter("The topic should either have ContentBasedDeduplication enabled"
                            + " or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = sha256(input.message());
            }
            checkFifoId("MessageDeduplicationId", deduplicationId);
            sequenceNumber = registry.nextSequenceNumber(topic.arn());
        } else if (deduplicationId != null) {
            throw SnsError.invalidParameter("MessageDeduplicationId Reason: The request includes"
                    + " MessageDeduplicationId parameter that is not valid for this topic type");
        }
        return new Notification(UUID.randomUUID().toString(), topic.arn(), message, input.subject(),
                input.attributes(), topic.fifo() ? groupId : null, deduplicationId, sequenceNumber,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    /** With MessageStructure json the body holds one message per protocol; SQS takes "sqs", else "default". */
    private static String messageForSqs(PublishInput input) {
        if (input.messageStructure() == null) {
            return input.message();
        }
        if (!input.messageStructure().equals("json")) {
            throw SnsError.invalidParameter("MessageStructure Reason: the only valid value is json");
        }
        Object parsed;
        try {
            parsed = Json.parse(input.message());
        } catch (IllegalArgumentException e) {
            throw SnsError.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (!(parsed instanceof Map<?, ?> perProtocol) || !(perProtocol.get("default") instanceof String defaultMessage)) {
            throw SnsError.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return perProtocol.get("sqs") instanceof String sqsMessage ? sqsMessage : defaultMessage;
    }

    private static void checkSubject(String subject) {
        if (subject == null) {
            return;
        }
        boolean printableAscii = subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH || !printableAscii) {
            throw SnsError.invalidParameter("Subject Reason: a subject must be 1 to " + MAX_SUBJECT_LENGTH
                    + " printable ASCII characters, without line breaks");
        }
    }

    private static void checkFifoId(String parameter, String value) {
        if (!FIFO_ID.matcher(value).matches()) {
            throw SnsError.invalidParameter(parameter + " Reason: must be 1 to 128 alphanumeric or punctuation"
                    + " characters");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
