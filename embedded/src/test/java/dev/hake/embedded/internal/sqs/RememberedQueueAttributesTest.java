package dev.hake.embedded.internal.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedQueueAttributesTest {

    private final RememberedQueueAttributes remembered = new RememberedQueueAttributes();

    @Test
    void keepsOnlyTheAttributesElasticMqDoesNot() {
        remembered.remember("q", Map.of("Policy", "{}", "VisibilityTimeout", "30", "MessageRetentionPeriod", "60"));

        assertThat(remembered.recall("q", List.of("All"))).containsOnly(Map.entry("Policy", "{}"),
                Map.entry("MessageRetentionPeriod", "60"), Map.entry("MaximumMessageSize", "1048576"),
                Map.entry("SqsManagedSseEnabled", "false"));
        assertThat(remembered.recall("q", List.of("Policy", "VisibilityTimeout"))).containsOnly(Map.entry("Policy", "{}"));
    }

    @Test
    void reportsSqsDefaultsForWhatWasNeverSet() {
        assertThat(remembered.recall("other", List.of("All"))).containsOnly(Map.entry("MessageRetentionPeriod", "345600"),
                Map.entry("MaximumMessageSize", "1048576"), Map.entry("SqsManagedSseEnabled", "false"));
        assertThat(remembered.recall("other", List.of("Policy"))).isEmpty();
    }

    @Test
    void laterValuesWinAndDeletionForgets() {
        remembered.remember("q", Map.of("Policy", "old"));
        remembered.remember("q", Map.of("Policy", "new"));
        assertThat(remembered.recall("q", List.of("Policy"))).containsOnly(Map.entry("Policy", "new"));

        remembered.forget("q");
        assertThat(remembered.recall("q", List.of("Policy"))).isEmpty();
    }
}
