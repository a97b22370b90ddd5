package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.WireMessage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scan past messages a selector skipped: when they go back to the queue. */
class SkippedMessagesTest {

    private final SkippedMessages skipped = new SkippedMessages();

    private static ReceivedMessage message(String id) {
        return new ReceivedMessage(new WireMessage(), "queue", "handle-" + id, id, Long.MAX_VALUE);
    }

    @Test
    void skippedMessagesStayHiddenWhilePollsComeBackFull() {
        assertThat(skipped.landed(List.of(message("a"), message("b")), 10, 10)).isEmpty();
        assertThat(skipped.landed(List.of(message("c")), 10, 10)).isEmpty();
    }

    @Test
    void aShortPollEndsTheScanAndHandsEverySkippedMessageBack() {
        skipped.landed(List.of(message("a")), 10, 10);

        assertThat(skipped.landed(List.of(message("b")), 3, 10)).extracting(ReceivedMessage::sqsMessageId)
                .containsExactly("a", "b");
        assertThat(skipped.drain()).isEmpty();
    }

    @Test
    void aPollThatBringsOnlyMessagesAlreadySkippedEndsTheScan() {
        skipped.landed(List.of(message("a")), 10, 10);

        assertThat(skipped.landed(List.of(message("a")), 10, 10)).hasSize(2);
    }

    @Test
    void aFailedPollSaysNothingOfTheQueue() {
        skipped.landed(List.of(message("a")), 10, 10);

        assertThat(skipped.landed(List.of(), -1, 10)).isEmpty();
    }

    @Test
    void pastTheLimitTheyGoBackMidScan() {
        List<ReceivedMessage> many = IntStream.rangeClosed(0, SkippedMessages.MAX_HELD)
                .mapToObj(i -> message("m" + i)).toList();

        assertThat(skipped.landed(many, 10, 10)).hasSize(SkippedMessages.MAX_HELD + 1);
    }
}
