package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which dead-letter queue a consumed queue is fed into, by the deadLetterQueue setting. */
class DeadLetterQueuesTest {

    @Test
    void thePatternNamesOneDeadLetterQueuePerQueue() {
        assertThat(DeadLetterQueues.deadLetterQueueFor("{name}-dlq", "orders")).contains("orders-dlq");
        assertThat(DeadLetterQueues.deadLetterQueueFor("dlq-{name}", "sd-billing")).contains("dlq-sd-billing");
    }

    @Test
    void aNameWithoutThePlaceholderIsOneDeadLetterQueueForAll() {
        assertThat(DeadLetterQueues.deadLetterQueueFor("dead-letters", "orders")).contains("dead-letters");
        assertThat(DeadLetterQueues.deadLetterQueueFor("dead-letters", "payments")).contains("dead-letters");
    }

    @Test
    void aFifoQueueGetsAFifoDeadLetterQueue() {
        assertThat(DeadLetterQueues.deadLetterQueueFor("{name}-dlq", "orders.fifo")).contains("orders-dlq.fifo");
        assertThat(DeadLetterQueues.deadLetterQueueFor("dead-letters", "orders.fifo")).contains("dead-letters.fifo");
        assertThat(DeadLetterQueues.deadLetterQueueFor("dead-letters.fifo", "orders.fifo")).contains("dead-letters.fifo");
    }

    @Test
    void aDeadLetterQueueIsNotFedIntoAnotherOne() {
        assertThat(DeadLetterQueues.deadLetterQueueFor("{name}-dlq", "orders-dlq")).isEmpty();
        assertThat(DeadLetterQueues.deadLetterQueueFor("{name}-dlq", "orders-dlq.fifo")).isEmpty();
        assertThat(DeadLetterQueues.deadLetterQueueFor("dead-letters", "dead-letters")).isEmpty();
        assertThat(DeadLetterQueues.deadLetterQueueFor("dlq-{name}", "dlq-orders")).isEmpty();
    }

    @Test
    void aQueueThatOnlyLooksLikeThePatternsEndsIsFed() {
        assertThat(DeadLetterQueues.deadLetterQueueFor("{name}-dlq", "-dlq")).contains("-dlq-dlq");
    }
}
