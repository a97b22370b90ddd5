package dev.hake.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.WireDestination;
import dev.hake.core.large.LargeMessages;
import dev.hake.core.large.PayloadStore;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.PayloadPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A large body is in S3 before its pointer is sent, and nothing is left behind that could have been
 * removed: a failed upload sends nothing, a refused send takes its object back, a send in doubt keeps it.
 */
class UploadingTransmitterTest {

    /** S3 in memory; keys listed in {@code refused} fail to upload. */
    private static final class Store implements PayloadStore {
        final Map<PayloadPointer, String> objects = new ConcurrentHashMap<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        @Override
        public CompletableFuture<Void> put(PayloadPointer where, String body) {
            if (refused.contains(where.key())) {
                return CompletableFuture.failedFuture(new HakeException(
                        "S3 PutObject [" + where + "] failed: ServiceUnavailable"));
            }
            objects.put(where, body);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<String> get(PayloadPointer where) {
            return CompletableFuture.completedFuture(objects.get(where));
        }

        @Override
        public CompletableFuture<Void> delete(PayloadPointer where) {
            objects.remove(where);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }

    /** Answers every request with the outcome the test set per body; records which bodies were sent and what S3 held then. */
    private final class Sqs implements Transmitter {
        final Map<String, HakeException> outcomes = new ConcurrentHashMap<>();
        final List<List<String>> requests = new ArrayList<>();
        final List<Integer> objectsWhenSent = new ArrayList<>();

        @Override
        public CompletableFuture<Void> sendOne(PreparedSend send) {
            HakeException outcome = sendBatch(List.of(send)).join().get(0);
            return outcome == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(outcome);
        }

        @Override
        public CompletableFuture<List<HakeException>> sendBatch(List<PreparedSend> batch) {
            requests.add(batch.stream().map(p -> p.encoded().body()).toList());
            objectsWhenSent.add(store.objects.size());
            List<HakeException> results = new ArrayList<>();
            batch.forEach(p -> results.add(outcomes.get(p.encoded().body())));
            return CompletableFuture.completedFuture(results);
        }
    }

    private final Store store = new Store();
    private final Sqs sqs = new Sqs();
    private final UploadingTransmitter transmitter = new UploadingTransmitter(sqs,
            LargeMessages.of(HakeSettings.builder().largeMessageBucket("bodies").build(), store));

    private static PreparedSend large(String name) {
        PayloadPointer where = new PayloadPointer("bodies", name);
        return new PreparedSend(WireDestination.queue("orders"), "url/orders", new EncodedMessage(name, Map.of()),
                null, null, 0, new PreparedSend.Upload(where, "body of " + name), null);
    }

    private static PreparedSend small(String name) {
        return new PreparedSend(WireDestination.queue("orders"), "url/orders", new EncodedMessage(name, Map.of()),
                null, null, 0);
    }

    @Test
    void theBodyIsInS3BeforeThePointerLeaves() {
        transmitter.sendOne(large("a")).join();

        assertThat(sqs.requests).containsExactly(List.of("a"));
        assertThat(sqs.objectsWhenSent).containsExactly(1);
        assertThat(store.objects).containsEntry(new PayloadPointer("bodies", "a"), "body of a");
    }

    @Test
    void aFailedUploadSendsNothingAndSaysWhy() {
        store.refused.add("a");

        assertThatThrownBy(() -> transmitter.sendOne(large("a")).join())
                .isInstanceOf(CompletionException.class).cause()
                .hasMessageContaining("could not be stored in S3, so the message was not sent")
                .hasMessageContaining("s3://bodies/a").hasMessageContaining("ServiceUnavailable");
        assertThat(sqs.requests).isEmpty();
    }

    @Test
    void aSendSQSRefusedTakesItsObjectBack() {
        sqs.outcomes.put("a", new HakeException("SQS SendMessage failed: InvalidParameterValue"));

        assertThatThrownBy(() -> transmitter.sendOne(large("a")).join()).hasMessageContaining("InvalidParameterValue");
        assertThat(store.objects).isEmpty();
    }

    @Test
    void aSendInDoubtKeepsItsObjectForTheConsumerThatMayGetIt() {
        sqs.outcomes.put("a", new OutcomeUnknownException("SQS SendMessage: the answer was lost", null));

        assertThatThrownBy(() -> transmitter.sendOne(large("a")).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(OutcomeUnknownException.class);
        assertThat(store.objects).containsKey(new PayloadPointer("bodies", "a"));
    }

    @Test
    void aBatchSendsEveryMessageWhoseUploadWorkedInOneRequest() {
        store.refused.add("b");
        sqs.outcomes.put("d", new HakeException("SendMessageBatch entry failed"));

        List<HakeException> outcomes = transmitter.sendBatch(List.of(large("a"), large("b"), small("c"), large("d")))
                .join();

        assertThat(sqs.requests).containsExactly(List.of("a", "c", "d"));
        assertThat(outcomes.get(0)).isNull();
        assertThat(outcomes.get(1)).hasMessageContaining("not sent").hasMessageContaining("s3://bodies/b");
        assertThat(outcomes.get(2)).isNull();
        assertThat(outcomes.get(3)).hasMessageContaining("entry failed");
        assertThat(store.objects).containsOnlyKeys(new PayloadPointer("bodies", "a"));
    }

    @Test
    void aTransactionWhoseBodyCannotBeStoredSendsNothingAndLeavesNothingInS3() {
        store.refused.add("b");

        assertThatThrownBy(() -> transmitter.storeAll(List.of(large("a"), large("b"), small("c"))).join())
                .cause().hasMessageContaining("none of the 3 messages was sent").hasMessageContaining("s3://bodies/b");
        assertThat(store.objects).isEmpty();
        assertThat(sqs.requests).isEmpty();
    }

    @Test
    void aTransactionsStoredBodiesAreNotStoredTwice() {
        List<PreparedSend> stored = transmitter.storeAll(List.of(large("a"), small("c"))).join();
        store.objects.clear();

        transmitter.sendBatch(stored).join();

        assertThat(sqs.requests).containsExactly(List.of("a", "c"));
        assertThat(store.objects).isEmpty();
    }
}
