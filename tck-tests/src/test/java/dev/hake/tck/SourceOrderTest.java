package dev.hake.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOrderTest {

    @SuppressWarnings("unused")
    static final class Written {
        private static final long BIG = 1L << 40; // a long constant takes two pool slots
        private double ratio = 0.5;

        void zebra() {
        }

        void apple() {
        }

        void mango() {
        }
    }

    @Test
    void methodsComeInTheOrderTheyAreWritten() {
        Map<String, Integer> positions = SourceOrder.methodPositions(Written.class);
        assertThat(positions.entrySet().stream().filter(e -> !e.getKey().startsWith("<"))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).map(Map.Entry::getKey))
                .containsExactly("zebra", "apple", "mango");
    }
}
