package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The items are their own sizes in bytes. */
class SendMessageBatchesTest {

    @Test
    void atMostTenEntriesPerBatchInTheirOrder() {
        List<Integer> messages = IntStream.rangeClosed(1, 23).boxed().toList();

        List<List<Integer>> batches = split(messages);

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(messages);
    }

    @Test
    void aBatchHoldsUpTo262144BytesAndNoMore() {
        assertThat(split(Collections.nCopies(4, 65_536))).extracting(List::size).containsExactly(4);
        assertThat(split(List.of(65_536, 65_536, 65_536, 65_537))).extracting(List::size).containsExactly(3, 1);
        assertThat(split(Collections.nCopies(10, 26_500))).extracting(List::size).containsExactly(9, 1);
    }

    @Test
    void aMessageOverTheLimitGoesAlone() {
        assertThat(split(List.of(10, 300_000, 10, 10))).containsExactly(List.of(10), List.of(300_000), List.of(10, 10));
        assertThat(split(List.of(300_000))).containsExactly(List.of(300_000));
    }

    @Test
    void nothingToSendIsNoBatch() {
        assertThat(split(List.of())).isEmpty();
    }

    private static List<List<Integer>> split(List<Integer> sizes) {
        return SendMessageBatches.split(sizes, Integer::intValue);
    }
}
