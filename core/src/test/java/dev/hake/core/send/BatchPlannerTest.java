package dev.hake.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    @Test
    void splitsAtTenEntries() {
        List<Integer> items = IntStream.range(0, 23).boxed().toList();
        List<List<Integer>> batches = BatchPlanner.plan(items, i -> 100, 10, 262_144);
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void splitsAtTheByteLimitKeepingOrder() {
        // 64 KiB messages: four fit in 256 KiB only if the attributes leave room, so three a batch here.
        List<Integer> items = IntStream.range(0, 7).boxed().toList();
        List<List<Integer>> batches = BatchPlanner.plan(items, i -> 65_536 + 200, 10, 262_144);
        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void aSingleItemAlwaysFormsABatch() {
        assertThat(BatchPlanner.plan(List.of(1), i -> 300_000, 10, 262_144)).containsExactly(List.of(1));
        assertThat(BatchPlanner.plan(List.<Integer>of(), i -> 1, 10, 262_144)).isEmpty();
    }
}
