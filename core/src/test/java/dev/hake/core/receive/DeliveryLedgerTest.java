package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private final DeliveryLedger ledger = new DeliveryLedger();

    @Test
    void aSecondCopyOfAMessageSentTwiceIsARedelivery() {
        assertThat(ledger.deliveryCount("q", "ID:a", "sqs-1", 1)).isEqualTo(1);

        assertThat(ledger.deliveryCount("q", "ID:a", "sqs-2", 1)).as("same JMS id, new SQS id").isEqualTo(2);
    }

    @Test
    void theSameCopyCountsBySqsReceiveCount() {
        ledger.deliveryCount("q", "ID:a", "sqs-1", 1);

        assertThat(ledger.deliveryCount("q", "ID:a", "sqs-1", 3)).isEqualTo(3);
    }

    @Test
    void oneMessageOnTwoQueuesIsNoDuplicate() {
        ledger.deliveryCount("subscription-1", "ID:a", "sqs-1", 1);

        assertThat(ledger.deliveryCount("subscription-2", "ID:a", "sqs-2", 1)).isEqualTo(1);
    }

    @Test
    void undeliveredReleasesAreNotCounted() {
        ledger.recordUndeliveredRelease("sqs-1");

        assertThat(ledger.deliveryCount("q", "ID:a", "sqs-1", 2)).isEqualTo(1);
        assertThat(ledger.deliveryCount("q", null, "sqs-9", 1)).as("no JMS id: nothing to recognise").isEqualTo(1);
    }
}
