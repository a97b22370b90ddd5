package dev.hake.faults;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.faults.proxy.FaultKind;
import jakarta.jms.JMSException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scenario run once per fault kind: set up with faults off, send the workload with the fault on
 * for the whole message path, wait for it, switch the faults off, send one more message through
 * the same sessions, wait until nothing more comes, report the row, and hold hake to its contract:
 * <ul>
 *   <li>what the API said was sent arrives, at least once per subscription: none lost;</li>
 *   <li>what it said was not sent never arrives: no false failures;</li>
 *   <li>every delivery after a message's first is marked JMSRedelivered;</li>
 *   <li>the application goes on: the last message arrives through the same sessions.</li>
 * </ul>
 */
@ExtendWith(HakeBackendExtension.class)
abstract class FaultScenario {

    private final HakeTestBackend backend;

    FaultScenario(HakeTestBackend backend) {
        this.backend = backend;
    }

    /** The scenario's name in the report. */
    abstract String name();

    /** Opens the connection, sessions and consumers of the scenario (faults are off) and gives its sender. */
    abstract Sender start(FaultCase c) throws JMSException;

    /** Stops what start() began that the connection's close would not (receive loops, durable subscriptions). */
    abstract void stop(FaultCase c);

    @ParameterizedTest(name = "{0}")
    @EnumSource(FaultKind.class)
    void keepsTheContract(FaultKind fault) throws JMSException {
        CaseResult result;
        try (FaultCase c = new FaultCase(name(), fault, backend)) {
            Sender sender = start(c);
            c.faultsOn();
            sender.sendAll(FaultCase.keys());
            c.awaitArrival();
            c.faultsOff();
            boolean finalDelivered;
            try {
                sender.sendAll(List.of(Messages.FINAL));
                finalDelivered = c.awaitFinal();
            } catch (JMSException e) {
                c.exceptions.record("send (after the faults)", e);
                finalDelivered = false;
            }
            c.awaitQuiet();
            stop(c);
            result = c.report(finalDelivered);
        }
        assertContract(result);
    }

    private static void assertContract(CaseResult r) {
        SoftAssertions softly = new SoftAssertions();
        String which = r.scenario() + " / " + r.fault() + " on " + r.backend() + ": ";
        softly.assertThat(r.lost()).as(which + "messages lost (sent, or to come back, and never arrived): %s",
                r.lostSamples()).isZero();
        softly.assertThat(r.falseFailures()).as(which + "messages that arrived although their send failed: %s",
                r.falseFailureSamples()).isZero();
        softly.assertThat(r.unmarked()).as(which + "duplicates not marked JMSRedelivered: %s", r.unmarkedSamples()).isZero();
        softly.assertThat(r.finalDelivered()).as(which + "the message sent after the faults arrived through the same sessions")
                .isTrue();
        softly.assertAll();
    }
}
