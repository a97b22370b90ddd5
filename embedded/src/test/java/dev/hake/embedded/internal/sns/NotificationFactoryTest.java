package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationFactoryTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678901Z");

    private final TopicRegistry registry = new TopicRegistry();
    private final NotificationFactory factory = new NotificationFactory(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Topic standard = registry.create(topic("standard", false, Map.of()));
    private final Topic fifo = registry.create(topic("ordered.fifo", true, Map.of("FifoTopic", "true")));
    private final Topic contentDeduplicated = registry.create(topic("dedup.fifo", true,
            Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true")));

    @Test
    void standardTopicNotificationHasIdTimestampAndNoFifoFields() {
        Notification notification = factory.accept(standard, input("hello", null, null));
        assertThat(notification.messageId()).isNotBlank();
        assertThat(notification.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(notification.sequenceNumber()).isNull();
        assertThat(notification.deduplicationId()).isNull();
    }

    @Test
    void standardTopicRefusesADeduplicationId() {
        assertThatThrownBy(() -> factory.accept(standard, input("m", null, "d")))
                .isInstanceOf(SnsError.class).hasMessageContaining("MessageDeduplicationId");
    }

    @Test
    void fifoTopicNeedsAGroup() {
        assertThatThrownBy(() -> factory.accept(fifo, input("m", null, "d")))
                .isInstanceOf(SnsError.class).hasMessageContaining("MessageGroupId");
    }

    @Test
    void fifoTopicNeedsADeduplicationIdUnlessContentBased() {
        assertThatThrownBy(() -> factory.accept(fifo, input("m", "g", null)))
                .isInstanceOf(SnsError.class).hasMessageContaining("ContentBasedDeduplication");
        Notification derived = factory.accept(contentDeduplicated, input("m", "g", null));
        assertThat(derived.deduplicationId()).hasSize(64)
                .isEqualTo(factory.accept(contentDeduplicated, input("m", "g", null)).deduplicationId());
    }

    @Test
    void fifoSequenceNumbersIncreasePerTopic() {
        String first = factory.accept(fifo, input("a", "g", "1")).sequenceNumber();
        String second = factory.accept(fifo, input("b", "g", "2")).sequenceNumber();
        assertThat(first).hasSize(20);
        assertThat(new BigInteger(second)).isEqualTo(new BigInteger(first).add(BigInteger.ONE));
    }

    @Test
    void sizeCountsBodyAndAttributeNamesTypesAndValues() {
        String body = "é".repeat(131_000); // 262,000 bytes in UTF-8
        PublishInput fits = new PublishInput(body, null, null,
                Map.of("n", MessageAttribute.of("n", "String", "x".repeat(137), null)), null, null);
        assertThat(fits.size()).isEqualTo(262_144);
        assertThat(factory.accept(standard, fits)).isNotNull();

        PublishInput tooLong = new PublishInput(body, null, null,
                Map.of("n", MessageAttribute.of("n", "String", "x".repeat(138), null)), null, null);
        assertThatThrownBy(() -> factory.accept(standard, tooLong))
                .isInstanceOf(SnsError.class).hasMessageContaining("262145 bytes").hasMessageContaining("262144");
    }

    @Test
    void emptyMessageAndBadSubjectAreRefused() {
        assertThatThrownBy(() -> factory.accept(standard, input("", null, null))).hasMessageContaining("Empty message");
        PublishInput multiLineSubject = new PublishInput("m", "two\nlines", null, Map.of(), null, null);
        assertThatThrownBy(() -> factory.accept(standard, multiLineSubject)).hasMessageContaining("Subject");
    }

    @Test
    void messageStructureJsonPicksTheSqsEntryOrTheDefault() {
        assertThat(factory.accept(standard, structured("{\"default\":\"d\",\"sqs\":\"s\"}")).message()).isEqualTo("s");
        assertThat(factory.accept(standard, structured("{\"default\":\"d\",\"email\":\"e\"}")).message()).isEqualTo("d");
        assertThatThrownBy(() -> factory.accept(standard, structured("not json"))).hasMessageContaining("failed to parse");
    }

    private static PublishInput input(String message, String groupId, String deduplicationId) {
        return new PublishInput(message, null, null, Map.of(), groupId, deduplicationId);
    }

    private static PublishInput structured(String message) {
        return new PublishInput(message, null, "json", Map.of(), null, null);
    }

    private static Topic topic(String name, boolean fifo, Map<String, String> attributes) {
        return new Topic(name, "arn:aws:sns:us-east-1:000000000000:" + name, fifo, attributes, Map.of());
    }
}
