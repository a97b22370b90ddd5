package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.Outgoing;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.receive.ReceivedMessage;
import dev.hake.jms.message.HakeTextMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The acknowledgement modes against a recording settlement and transport: JMS semantics without AWS. */
class AcknowledgementModeTest {

    /** Records what a mode did with its consumed messages; deleteAll fails with {@code deleteFailure} when set. */
    static final class RecordingSettlement implements Settlement {
        final List<ReceivedMessage> deleted = new ArrayList<>();
        final List<Delivered> redelivered = new ArrayList<>();
        final List<ReceivedMessage> released = new ArrayList<>();
        RuntimeException deleteFailure;

        @Override
        public void delete(ReceivedMessage message) {
            deleted.add(message);
        }

        @Override
        public CompletableFuture<Void> deleteAll(List<ReceivedMessage> messages) {
            if (deleteFailure != null) {
                return CompletableFuture.failedFuture(deleteFailure);
            }
            deleted.addAll(messages);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void redeliver(List<Delivered> messages) {
            redelivered.addAll(messages);
        }

        @Override
        public void release(List<ReceivedMessage> messages) {
            released.addAll(messages);
        }
    }

    /**
     * Sends what it is given, answering each message with the next of {@code answers} (null: sent).
     * Prepares a message by copying it, so that a test can tell the prepared form from the original.
     */
    static final class FakeTransport implements HeldSends.Transport {
        final List<String> sentIds = new ArrayList<>();
        final List<HakeException> answers = new ArrayList<>();
        final List<Outgoing> prepared = new ArrayList<>();
        final List<Outgoing> sent = new ArrayList<>();
        RuntimeException checkFailure;

        @Override
        public Outgoing prepare(Outgoing message) {
            if (checkFailure != null) {
                throw checkFailure;
            }
            Outgoing ready = new Outgoing(message.message(), message.producerId());
            prepared.add(ready);
            return ready;
        }

        @Override
        public CompletableFuture<List<HakeException>> sendAll(List<Outgoing> messages) {
            sent.addAll(messages);
            List<HakeException> result = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                HakeException answer = i < answers.size() ? answers.get(i) : null;
                if (answer == null) {
                    sentIds.add(messages.get(i).message().messageId());
                }
                result.add(answer);
            }
            return CompletableFuture.completedFuture(result);
        }
    }

    /** Remembers what a completion listener heard. */
    static final class Heard implements CompletionListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onCompletion(Message message) {
            events.add("completed");
        }

        @Override
        public void onException(Message message, Exception exception) {
            events.add(exception.getClass().getSimpleName());
        }
    }

    private final RecordingSettlement settlement = new RecordingSettlement();
    private final ConsumedMessages consumed = new ConsumedMessages(settlement);

    private static Delivered delivered(String id) {
        WireMessage wire = new WireMessage();
        wire.messageId(id);
        return new Delivered(null, new ReceivedMessage(wire, "queue-url", "receipt-" + id, "sqs-" + id, 0));
    }

    private static Outgoing outgoing(String id) {
        WireMessage wire = new WireMessage();
        wire.messageId(id);
        wire.destination(WireDestination.queue("orders"));
        return new Outgoing(wire, "producer");
    }

    private List<ReceivedMessage> received(Delivered... messages) {
        return Arrays.stream(messages).map(Delivered::received).toList();
    }

    @Nested
    class Auto {
        private final AcknowledgementMode mode = new AutoAcknowledge(consumed);

        @Test
        void reportsItsModeAndIsNotTransacted() {
            assertThat(mode.sessionMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
            assertThat(mode.isTransacted()).isFalse();
            assertThat(mode.hold(outgoing("s1"), new HakeTextMessage(), null)).isFalse();
        }

        @Test
        void acknowledgesWhatReceiveHandsOutAtOnce() throws JMSException {
            Delivered m = delivered("m1");
            mode.received(m);
            mode.recover();
            assertThat(settlement.deleted).containsExactly(m.received());
            assertThat(settlement.redelivered).isEmpty();
        }

        @Test
        void acknowledgesWhenTheListenerReturns() {
            Delivered m = delivered("m1");
            mode.listenerStarts(m);
            assertThat(settlement.deleted).isEmpty();
            mode.listenerReturned(m, false);
            assertThat(settlement.deleted).containsExactly(m.received());
        }

        @Test
        void deliversAgainWhenTheListenerThrows() {
            Delivered m = delivered("m1");
            mode.listenerStarts(m);
            mode.listenerReturned(m, true);
            assertThat(settlement.redelivered).containsExactly(m);
            assertThat(settlement.deleted).isEmpty();
        }

        @Test
        void recoverInsideTheListenerDeliversAgainOnceAndAcknowledgesNothing() throws JMSException {
            Delivered m = delivered("m1");
            mode.listenerStarts(m);
            mode.recover();
            mode.listenerReturned(m, false);
            assertThat(settlement.redelivered).containsExactly(m);
            assertThat(settlement.deleted).isEmpty();
        }

        @Test
        void refusesCommitAndRollback() {
            assertThatThrownBy(mode::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transacted");
            assertThatThrownBy(mode::rollback).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transacted");
        }

        @Test
        void closeReleasesTheListenersCurrentMessage() {
            Delivered m = delivered("m1");
            mode.listenerStarts(m);
            mode.close();
            assertThat(settlement.released).containsExactly(m.received());
        }
    }

    @Nested
    class DupsOk {
        private final AcknowledgementMode mode = new DupsOkAcknowledge(consumed);

        @Test
        void acknowledgesEachMessageAsAutoDoes() {
            assertThat(mode.sessionMode()).isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
            Delivered fromReceive = delivered("m1");
            Delivered fromListener = delivered("m2");
            mode.received(fromReceive);
            mode.listenerStarts(fromListener);
            mode.listenerReturned(fromListener, false);
            assertThat(settlement.deleted).containsExactlyElementsOf(received(fromReceive, fromListener));
        }
    }

    @Nested
    class Client {
        private final AcknowledgementMode mode = new ClientAcknowledge(consumed);

        @Test
        void holdsConsumedMessagesUntilAcknowledgeThenAcknowledgesAllInOrder() throws JMSException {
            assertThat(mode.sessionMode()).isEqualTo(Session.CLIENT_ACKNOWLEDGE);
            Delivered first = delivered("m1");
            Delivered second = delivered("m2");
            mode.received(first);
            mode.listenerStarts(second);
            mode.listenerReturned(second, true);
            assertThat(settlement.deleted).isEmpty();
            assertThat(settlement.redelivered).isEmpty();
            mode.acknowledge();
            assertThat(settlement.deleted).containsExactlyElementsOf(received(first, second));
        }

        @Test
        void recoverDeliversAgainWhatWasNotAcknowledged() throws JMSException {
            Delivered acknowledged = delivered("m1");
            Delivered notYet = delivered("m2");
            mode.received(acknowledged);
            mode.acknowledge();
            mode.received(notYet);
            mode.recover();
            assertThat(settlement.redelivered).containsExactly(notYet);
            mode.acknowledge();
            assertThat(settlement.deleted).containsExactly(acknowledged.received());
        }

        @Test
        void anAcknowledgementWhoseAnswerWasLostIsInDoubt() {
            settlement.deleteFailure = new OutcomeUnknownException("no answer", null);
            mode.received(delivered("m1"));
            assertThatThrownBy(mode::acknowledge).isInstanceOf(HakeInDoubtException.class)
                    .hasMessageStartingWith("acknowledge is in doubt");
        }

        @Test
        void aRefusedAcknowledgementFails() {
            settlement.deleteFailure = new HakeException("refused");
            mode.received(delivered("m1"));
            assertThatThrownBy(mode::acknowledge).isExactlyInstanceOf(JMSException.class)
                    .hasMessageStartingWith("acknowledge failed");
        }

        @Test
        void closeReleasesWhatWasNotAcknowledged() {
            Delivered m = delivered("m1");
            mode.received(m);
            mode.close();
            assertThat(settlement.released).containsExactly(m.received());
        }
    }

    @Nested
    class Transacted {
        private final FakeTransport transport = new FakeTransport();
        private final AcknowledgementMode mode = new SessionTransacted(consumed, new HeldSends(transport, Runnable::run),
                () -> { });

        @Test
        void refusesRecover() {
            assertThat(mode.sessionMode()).isEqualTo(Session.SESSION_TRANSACTED);
            assertThat(mode.isTransacted()).isTrue();
            assertThatThrownBy(mode::recover).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rollback()");
        }

        @Test
        void commitSendsWhatItHeldThenAcknowledgesWhatWasConsumed() throws JMSException {
            Heard heard = new Heard();
            Delivered m = delivered("m1");
            mode.received(m);
            assertThat(mode.hold(outgoing("s1"), new HakeTextMessage(), heard)).isTrue();
            assertThat(transport.sentIds).isEmpty();
            assertThat(settlement.deleted).isEmpty();
            mode.commit();
            assertThat(transport.sentIds).containsExactly("s1");
            assertThat(heard.events).containsExactly("completed");
            assertThat(settlement.deleted).containsExactly(m.received());
        }

        @Test
        void commitSendsWhatWasPreparedWhenHeldAndPreparesNothingAgain() throws JMSException {
            mode.hold(outgoing("s1"), new HakeTextMessage(), null);
            mode.hold(outgoing("s2"), new HakeTextMessage(), null);
            assertThat(transport.prepared).hasSize(2);
            mode.commit();
            assertThat(transport.prepared).hasSize(2);
            assertThat(transport.sent).containsExactlyElementsOf(transport.prepared);
        }

        @Test
        void aSendThatCanNeverLeaveFailsWhenHeldNotAtCommit() throws JMSException {
            transport.checkFailure = new HakeException("too large");
            assertThatThrownBy(() -> mode.hold(outgoing("s1"), new HakeTextMessage(), null))
                    .isSameAs(transport.checkFailure);
            transport.checkFailure = null;
            mode.commit();
            assertThat(transport.sentIds).isEmpty();
        }

        @Test
        void aPartlyRefusedCommitSaysWhatWasSentAndDeliversTheConsumedAgain() {
            Delivered m = delivered("m1");
            mode.listenerStarts(m);
            mode.listenerReturned(m, true);
            mode.hold(outgoing("s1"), new HakeTextMessage(), null);
            mode.hold(outgoing("s2"), new HakeTextMessage(), null);
            transport.answers.addAll(Arrays.asList(null, new HakeException("refused")));
            assertThatThrownBy(mode::commit).isInstanceOfSatisfying(HakePartialCommitException.class, e -> {
                assertThat(e.sent()).containsExactly("s1");
                assertThat(e.notSent()).containsExactly("s2");
            });
            assertThat(settlement.redelivered).containsExactly(m);
            assertThat(settlement.deleted).isEmpty();
        }

        @Test
        void aCommitWithNothingToSendWhoseAcknowledgementFailsRolledBack() {
            settlement.deleteFailure = new HakeException("refused");
            mode.received(delivered("m1"));
            assertThatThrownBy(mode::commit).isInstanceOf(HakeRolledBackException.class);
        }

        @Test
        void aCommitWhoseAcknowledgementIsInDoubtSaysWhatItSent() {
            settlement.deleteFailure = new OutcomeUnknownException("no answer", null);
            mode.received(delivered("m1"));
            mode.hold(outgoing("s1"), new HakeTextMessage(), null);
            assertThatThrownBy(mode::commit).isInstanceOfSatisfying(HakeInDoubtException.class,
                    e -> assertThat(e.sent()).containsExactly("s1"));
        }

        @Test
        void rollbackDropsTheSendsAndDeliversTheConsumedAgain() throws JMSException {
            Heard heard = new Heard();
            Delivered m = delivered("m1");
            mode.received(m);
            mode.hold(outgoing("s1"), new HakeTextMessage(), heard);
            mode.rollback();
            assertThat(heard.events).containsExactly(TransactionRolledBackException.class.getSimpleName());
            assertThat(settlement.redelivered).containsExactly(m);
            mode.commit();
            assertThat(transport.sentIds).isEmpty();
            assertThat(settlement.deleted).isEmpty();
        }

        @Test
        void closeDropsTheSendsAndReleasesTheConsumed() {
            Heard heard = new Heard();
            Delivered m = delivered("m1");
            mode.received(m);
            mode.hold(outgoing("s1"), new HakeTextMessage(), heard);
            mode.close();
            assertThat(heard.events).containsExactly(TransactionRolledBackException.class.getSimpleName());
            assertThat(settlement.released).containsExactly(m.received());
            assertThat(transport.sentIds).isEmpty();
        }
    }
}
