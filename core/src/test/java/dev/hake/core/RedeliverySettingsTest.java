package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The redelivery and dead-letter settings: URI keys, defaults, and the errors bad values get. */
class RedeliverySettingsTest {

    @Test
    void parsesTheKeys() {
        HakeSettings s = HakeUri.parse("hake:?maxDeliveries=5&deadLetterQueue=dead-letters&redeliveryDelaySeconds=2"
                + "&redeliveryBackoffMultiplier=2.5&maxRedeliveryDelaySeconds=120");
        assertThat(s.maxDeliveries()).isEqualTo(5);
        assertThat(s.deadLetterQueue()).isEqualTo("dead-letters");
        assertThat(s.redeliveryDelaySeconds()).isEqualTo(2);
        assertThat(s.redeliveryBackoffMultiplier()).isEqualTo(2.5);
        assertThat(s.maxRedeliveryDelaySeconds()).isEqualTo(120);
    }

    @Test
    void byDefaultNothingIsDeadLetteredAndRedeliveryIsImmediate() {
        HakeSettings s = HakeUri.parse("hake:");
        assertThat(s.maxDeliveries()).isZero();
        assertThat(s.deadLetterQueue()).isEqualTo("{name}-dlq");
        assertThat(s.redeliveryDelaySeconds()).isZero();
        assertThat(s.redeliveryBackoffMultiplier()).isEqualTo(1.0);
        assertThat(s.maxRedeliveryDelaySeconds()).isEqualTo(3_600);
    }

    @Test
    void aPatternSurvivesTheUri() {
        HakeSettings s = HakeSettings.builder().maxDeliveries(3).deadLetterQueue("dlq-{name}").build();
        assertThat(HakeUri.parse(HakeUri.of(s)).deadLetterQueue()).isEqualTo("dlq-{name}");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> HakeUri.parse("hake:?maxDeliveries=1001"))
                .hasMessage("option 'maxDeliveries' must be between 0 and 1000, was 1001");
        assertThatThrownBy(() -> HakeUri.parse("hake:?maxDeliveries=-1"))
                .hasMessage("option 'maxDeliveries' must be between 0 and 1000, was -1");
        assertThatThrownBy(() -> HakeUri.parse("hake:?deadLetterQueue=dead%20letters"))
                .hasMessageContaining("option 'deadLetterQueue' must be a queue name");
        assertThatThrownBy(() -> HakeUri.parse("hake:?redeliveryBackoffMultiplier=0.5"))
                .hasMessage("option 'redeliveryBackoffMultiplier' must be between 1 and 100, was 0.5");
        assertThatThrownBy(() -> HakeUri.parse("hake:?redeliveryBackoffMultiplier=fast"))
                .hasMessage("option 'redeliveryBackoffMultiplier' must be a number, was 'fast'");
        assertThatThrownBy(() -> HakeUri.parse("hake:?redeliveryDelaySeconds=43201"))
                .hasMessage("option 'redeliveryDelaySeconds' must be between 0 and 43200, was 43201");
        assertThatThrownBy(() -> HakeUri.parse("hake:?redeliveryDelaySeconds=60&maxRedeliveryDelaySeconds=10"))
                .hasMessage("option 'maxRedeliveryDelaySeconds' (10) must not be below 'redeliveryDelaySeconds' (60)");
    }
}
