package dev.hake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void aBodyHasTheSizeAskedForAndCarriesItsSequenceAndSendTime() {
        long before = System.nanoTime();
        String body = Payload.body(42, 256);
        assertThat(body).hasSize(256);
        assertThat(Payload.seq(body)).isEqualTo(42);
        assertThat(Payload.sentNanos(body)).isBetween(before, System.nanoTime());
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Samples samples = new Samples();
        for (int i = 1; i <= 100; i++) {
            samples.add(i * 1_000_000L);
        }
        assertThat(samples.percentileMillis(50)).isEqualTo(50.0);
        assertThat(samples.percentileMillis(99)).isEqualTo(99.0);
    }

    @Test
    void deliveriesCountDistinctMessagesPerSubscriptionAndDuplicates() {
        Deliveries d = new Deliveries(2, 2);
        d.record(0, Payload.body(0, 10));
        d.record(0, Payload.body(0, 10));
        d.record(1, Payload.body(0, 10));
        assertThat(d.distinct()).isEqualTo(2);
        assertThat(d.duplicates()).isEqualTo(1);
    }
}
