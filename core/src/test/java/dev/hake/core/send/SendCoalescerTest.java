package dev.hake.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeException;
import dev.hake.core.WireDestination;
import dev.hake.core.wire.EncodedMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Batching without reordering: what the coalescer sends, in which requests, against a fake transmitter. */
class SendCoalescerTest {

    /** Records each request and completes it only when the test says so. */
    private static final class FakeTransmitter implements Transmitter {
        final List<List<String>> requests = new ArrayList<>();
        final List<CompletableFuture<List<HakeException>>> open = new ArrayList<>();
        /** Messages sent on the calling thread, answered at once. */
        final List<String> sentHere = new ArrayList<>();

        @Override
        public CompletableFuture<Void> sendOne(PreparedSend send) {
            return sendBatch(List.of(send)).thenApply(results -> null);
        }

        @Override
        public CompletableFuture<Void> sendOneHere(PreparedSend send) {
            sentHere.add(send.encoded().body());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch) {
            requests.add(batch.stream().map(p -> p.encoded().body()).toList());
            CompletableFuture<List<HakeException>> call = new CompletableFuture<>();
            open.add(call);
            return call;
        }

        void completeRequest(int index) {
            open.get(index).complete(Collections.nCopies(requests.get(index).size(), null));
        }
    }

    private final FakeTransmitter transmitter = new FakeTransmitter();
    private final SendCoalescer coalescer = new SendCoalescer(transmitter);

    private static PreparedSend message(String body) {
        return new PreparedSend(WireDestination.queue("orders"), "url/orders", new EncodedMessage(body, Map.of()),
                null, null, 0);
    }

    @Test
    void sendsOfOneKeyWaitForTheRequestInFlightAndThenGoTogether() {
        Object session = new Object();
        List<String> completed = new ArrayList<>();
        for (String body : List.of("m0", "m1", "m2")) {
            coalescer.send(message(body), session).thenRun(() -> completed.add(body));
        }
        // m0 leaves alone at once; m1 and m2 may not overtake it in a second request.
        assertThat(transmitter.requests).containsExactly(List.of("m0"));

        transmitter.completeRequest(0);
        assertThat(transmitter.requests).containsExactly(List.of("m0"), List.of("m1", "m2"));
        transmitter.completeRequest(1);
        assertThat(completed).containsExactly("m0", "m1", "m2");
    }

    @Test
    void aWaitingCallersLoneSendIsMadeOnItsThreadAndOneThatMustWaitGoesWithTheOthers() {
        Object session = new Object();
        CompletableFuture<Void> lone = coalescer.sendWaiting(message("alone"), session);
        // Answered before sendWaiting returned, on the caller's thread; nothing is left in flight.
        assertThat(lone).isCompleted();
        assertThat(transmitter.sentHere).containsExactly("alone");

        coalescer.send(message("async"), session);
        CompletableFuture<Void> behind = coalescer.sendWaiting(message("waits"), session);
        assertThat(behind).isNotDone();
        transmitter.completeRequest(0);
        // Released by the answer of the request in flight: sent as any other send, not on that thread.
        assertThat(transmitter.requests).containsExactly(List.of("async"), List.of("waits"));
        assertThat(transmitter.sentHere).containsExactly("alone");
        transmitter.completeRequest(1);
        assertThat(behind).isCompleted();
    }

    @Test
    void aBurstToAStandardQueueSendsFullBatchesBesideTheRequestInFlight() {
        Object session = new Object();
        List<String> completed = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String body = "m" + i;
            coalescer.send(message(body), session).thenRun(() -> completed.add(body));
        }
        // m0 alone; m1-m10 and m11-m20 fill batches and leave beside it; m21-m24 wait, as they fill none.
        assertThat(transmitter.requests).extracting(List::size).containsExactly(1, 10, 10);

        transmitter.completeRequest(2);
        transmitter.completeRequest(0);
        assertThat(transmitter.requests).hasSize(3);
        transmitter.completeRequest(1);
        assertThat(transmitter.requests).hasSize(4).last().isEqualTo(List.of("m21", "m22", "m23", "m24"));
        transmitter.completeRequest(3);
        // The standard queue promises no order: the answers complete their sends as they come.
        assertThat(completed).hasSize(25).startsWith("m11").contains("m0", "m10", "m24");
    }

    @Test
    void aBurstToAFifoQueueKeepsOneRequestInFlightEvenWhenItFillsBatches() {
        Object session = new Object();
        for (int i = 0; i < 25; i++) {
            coalescer.send(new PreparedSend(WireDestination.queue("orders.fifo"), "url/orders.fifo",
                    new EncodedMessage("m" + i, Map.of()), "group", "m" + i, 0), session);
        }
        assertThat(transmitter.requests).extracting(List::size).containsExactly(1);
        transmitter.completeRequest(0);
        assertThat(transmitter.requests).extracting(List::size).containsExactly(1, 10);
    }

    @Test
    void otherKeysAndUnkeyedSendsPassAKeyThatIsInFlight() {
        Object first = new Object();
        Object second = new Object();
        coalescer.send(message("a0"), first);
        coalescer.send(message("a1"), first);
        coalescer.send(message("b0"), second);
        coalescer.send(message("free"));

        // a1 waits for a0; b0 and the unkeyed send go in requests of their own meanwhile.
        assertThat(transmitter.requests).containsExactly(List.of("a0"), List.of("b0"), List.of("free"));
        transmitter.completeRequest(0);
        assertThat(transmitter.requests).last().isEqualTo(List.of("a1"));
    }

    @Test
    void aKeyHeldBackStaysBehindItsEarlierSendsWhileOthersFillTheBatch() {
        Object first = new Object();
        Object second = new Object();
        for (int i = 0; i < 4; i++) {
            coalescer.send(message("x" + i)); // fills the four request slots
        }
        coalescer.send(message("a0"), first);
        coalescer.send(message("b0"), second);
        coalescer.send(message("a1"), first);
        assertThat(transmitter.requests).hasSize(4);

        transmitter.completeRequest(0);
        // One request for all that waited: a0, b0 and a1, in the order sent.
        assertThat(transmitter.requests).last().isEqualTo(List.of("a0", "b0", "a1"));
    }

    @Test
    void aTransactionFillsBatchesOneRequestAfterAnotherAndSaysWhatBecameOfEachMessage() {
        List<PreparedSend> transaction = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            transaction.add(message("t" + i));
        }
        CompletableFuture<List<HakeException>> outcomes = coalescer.sendAll(transaction);
        // All in line before the first request: the first message does not leave alone.
        assertThat(transmitter.requests).containsExactly(transaction.subList(0, 10).stream().map(SendCoalescerTest::body).toList());

        transmitter.completeRequest(0);
        assertThat(transmitter.requests).last().isEqualTo(List.of("t10", "t11"));
        HakeException refused = new HakeException("refused");
        transmitter.open.get(1).complete(Arrays.asList(null, refused));
        assertThat(outcomes.join()).hasSize(12).containsOnlyOnce(refused).last().isSameAs(refused);
    }

    @Test
    void aRequestThatFailsAsAWholeFailsEachOfItsMessages() {
        CompletableFuture<List<HakeException>> outcomes = coalescer.sendAll(List.of(message("a"), message("b")));
        transmitter.open.get(0).completeExceptionally(new IllegalStateException("client closed"));

        assertThat(outcomes.join()).hasSize(2).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(HakeException.class).hasMessageContaining("client closed"));
    }

    private static String body(PreparedSend send) {
        return send.encoded().body();
    }
}
