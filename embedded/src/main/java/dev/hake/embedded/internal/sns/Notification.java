package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.filter.FilterAttribute;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message accepted by a topic, ready to deliver.
 *
 * @param messageId       the id Publish returns and the envelope carries
 * @param topicArn        the topic it was published to
 * @param message         the body for SQS subscribers (for MessageStructure json, the sqs or default entry)
 * @param subject         Subject, or null
 * @param attributes      message attributes by name
 * @param messageGroupId  for FIFO topics, else null
 * @param deduplicationId for FIFO topics (given, or derived from the body), else null
 * @param sequenceNumber  for FIFO topics, else null
 * @param timestamp       when the topic accepted it
 */
record Notification(String messageId, String topicArn, String message, String subject,
                    Map<String, MessageAttribute> attributes, String messageGroupId, String deduplicationId,
                    String sequenceNumber, Instant timestamp) {

    /** The attributes as filter policies see them (Binary ones left out). */
    Map<String, FilterAttribute> filterAttributes() {
        Map<String, FilterAttribute> forFilter = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            FilterAttribute filterAttribute = attribute.forFilter();
            if (filterAttribute != null) {
                forFilter.put(name, filterAttribute);
            }
        });
        return forFilter;
    }
}
