package dev.hake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(Trials.median(900, 300, 500)).isEqualTo(500);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Trials.median(4, 1, 3, 2)).isEqualTo(2.5);
    }

    @Test
    void figuresATrialCouldNotMeasureAreLeftOut() {
        assertThat(Trials.median(Double.NaN, 7, 5, Double.POSITIVE_INFINITY)).isEqualTo(6);
        assertThat(Trials.median(Double.NaN)).isNaN();
        assertThat(Trials.median()).isNaN();
    }

    @Test
    void oneTrialIsItsOwnMedianAndItsRatioIsThePlainRatio() {
        Trials<Double> one = new Trials<>(List.of(420.0));
        Trials<Double> reference = new Trials<>(List.of(600.0));
        assertThat(one.median(Double::doubleValue)).isEqualTo(420.0);
        assertThat(one.medianRatio(reference, Double::doubleValue)).isEqualTo(0.7);
        assertThat(one.lowest(Double::doubleValue)).isEqualTo(one.highest(Double::doubleValue)).isEqualTo(420.0);
    }

    @Test
    void aRatioIsTheMedianOfTheRoundsRatiosNotTheRatioOfTheMedians() {
        // Round 2 was a slow minute for both; round by round the client made 0.95x, 0.96x and 0.70x the floor.
        Trials<Double> client = new Trials<>(List.of(950.0, 480.0, 700.0));
        Trials<Double> floor = new Trials<>(List.of(1000.0, 500.0, 1000.0));
        assertThat(client.medianRatio(floor, Double::doubleValue)).isCloseTo(0.95, within(1e-9));
        // The ratio of the medians would pair the client's round 3 with the floor's round 1 or 3.
        assertThat(client.median(Double::doubleValue) / floor.median(Double::doubleValue)).isEqualTo(0.7);
    }

    @Test
    void theRangeIsTheLowestAndHighestFigure() {
        Trials<Double> trials = new Trials<>(List.of(812.0, Double.NaN, 1034.0, 950.0));
        assertThat(trials.lowest(Double::doubleValue)).isEqualTo(812.0);
        assertThat(trials.highest(Double::doubleValue)).isEqualTo(1034.0);
    }

    @Test
    void eachActionHasItsMedianAndAnActionATrialDidNotMakeCountsAsNone() {
        Trials<Map<String, Double>> trials = new Trials<>(List.of(
                Map.of("SendMessageBatch", 0.100, "ReceiveMessage", 0.101, "GetQueueUrl", 0.001),
                Map.of("SendMessageBatch", 0.100, "ReceiveMessage", 0.110),
                Map.of("SendMessageBatch", 0.100, "ReceiveMessage", 0.105)));
        assertThat(trials.medianByKey(m -> m)).containsOnly(Map.entry("SendMessageBatch", 0.100),
                Map.entry("ReceiveMessage", 0.105));
    }

    @Test
    void everyTrialMustPassForEvery() {
        Trials<Double> trials = new Trials<>(List.of(1.0, -1.0));
        assertThat(trials.every(v -> v > 0)).isFalse();
        assertThat(trials.every(v -> v != 0)).isTrue();
    }
}
