package dev.hake.core.receive;

import static dev.hake.testing.ScriptedEndpoint.error;
import static dev.hake.testing.ScriptedEndpoint.ok;
import static dev.hake.testing.ScriptedEndpoint.reset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsClients;
import dev.hake.testing.ScriptedEndpoint;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an acknowledgement reports when AWS's answers go wrong, through the real SDK (and its
 * retries) against an endpoint that answers as the test scripts: a delete the SDK retried after a
 * lost answer is done when the retry finds the message gone, and "in doubt" when nobody can know,
 * never "failed" for work AWS may have done.
 */
class AcknowledgerAnswersTest {

    private static final String QUEUE_URL = "http://127.0.0.1:1/000000000000/acks";
    private static final String HANDLE_GONE = "{\"Successful\":[],\"Failed\":[{\"Id\":\"0\",\"SenderFault\":true,"
            + "\"Code\":\"ReceiptHandleIsInvalid\",\"Message\":\"The input receipt handle is not a valid receipt handle.\"}]}";
    private static final String HANDLE_EXPIRED = "{\"Successful\":[],\"Failed\":[{\"Id\":\"0\",\"SenderFault\":true,"
            + "\"Code\":\"InvalidParameterValue\",\"Message\":\"Value h for parameter ReceiptHandle is invalid. Reason:"
            + " The receipt handle has expired.\"}]}";
    private static final String DELETED = "{\"Successful\":[{\"Id\":\"0\"}],\"Failed\":[]}";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService completions = Executors.newFixedThreadPool(2);
    private ScriptedEndpoint endpoint;
    private AwsClients aws;

    private Acknowledger acknowledgerFor(ScriptedEndpoint.Step... steps) {
        endpoint = new ScriptedEndpoint(steps);
        HakeSettings settings = HakeSettings.builder().endpoint(endpoint.endpoint()).region("us-east-1")
                .accessKeyId("AKIDTESTTESTTESTTEST").secretAccessKey("test").build();
        aws = AwsClients.create(settings, null, null, completions);
        return new Acknowledger(aws.sqs(), scheduler, new DeliveryLedger(), new HeldMessages(System::nanoTime));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (aws != null) {
            aws.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        scheduler.shutdownNow();
        completions.shutdownNow();
        completions.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ReceivedMessage received(String handle, long visibleForSeconds) {
        WireMessage wire = new WireMessage();
        wire.text("body");
        wire.messageId("ID:m-" + handle);
        return new ReceivedMessage(wire, QUEUE_URL, handle, "sqs-" + handle,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(visibleForSeconds));
    }

    private static Throwable failureOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aDeleteWhoseAnswerWasLostIsDoneWhenTheRetryFindsTheMessageGone() {
        Acknowledger acks = acknowledgerFor(reset(), ok(HANDLE_GONE));

        acks.deleteAll(List.of(received("h1", 30))).join();

        assertThat(endpoint.requests()).extracting(ScriptedEndpoint.Request::action)
                .containsExactly("DeleteMessageBatch", "DeleteMessageBatch");
        assertThat(endpoint.requests().get(1).body()).as("retried with the same receipt handle").contains("\"h1\"");
    }

    @Test
    void serverErrorsAreRetriedWithTheSameReceiptHandle() {
        Acknowledger acks = acknowledgerFor(error(500, "InternalError", "We encountered an internal error."), ok(DELETED));

        acks.deleteAll(List.of(received("h1", 30))).join();

        assertThat(endpoint.requests()).hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("\"h1\""));
    }

    @Test
    void aDeleteWhoseEveryAttemptWasLostIsInDoubtNotFailed() {
        Acknowledger acks = acknowledgerFor(reset());

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", 30))).join());

        assertThat(failure).isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("may have been acknowledged");
        assertThat(endpoint.requests()).hasSize(AwsClients.MAX_ATTEMPTS);
    }

    @Test
    void anExpiredHandleAfterALostAttemptIsInDoubt() {
        Acknowledger acks = acknowledgerFor(reset(), ok(HANDLE_EXPIRED));

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", 30))).join());

        assertThat(failure).isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("receipt handle has expired");
    }

    @Test
    void anExpiredHandleAnsweredAtTheFirstAttemptIsNotAcknowledged() {
        Acknowledger acks = acknowledgerFor(ok(HANDLE_EXPIRED));

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", 30))).join());

        assertThat(failure).isInstanceOf(HakeException.class).isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("1 of 1 messages were not acknowledged and will be delivered again");
    }

    @Test
    void anInvalidHandleAfterTheVisibilityRanOutIsNotTakenForDone() {
        Acknowledger acks = acknowledgerFor(ok(HANDLE_GONE));

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", -1))).join());

        assertThat(failure).isInstanceOf(HakeException.class).isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("visibility timeout had run out");
    }

    @Test
    void aRefusedDeleteIsNotAcknowledged() {
        Acknowledger acks = acknowledgerFor(error(400, "AccessDenied", "not allowed"));

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", 30))).join());

        assertThat(failure).isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("not acknowledged").hasMessageContaining("AccessDenied");
        assertThat(endpoint.requests()).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void aDeleteOnAQueueThatIsGoneIsDone() {
        Acknowledger acks = acknowledgerFor(error(400, "QueueDoesNotExist", "The specified queue does not exist."));

        acks.deleteAll(List.of(received("h1", 30))).join();
    }

    @Test
    void aBatchSaysHowManyAreInDoubtAndHowManyWereNotDone() {
        String mixed = "{\"Successful\":[{\"Id\":\"0\"}],\"Failed\":[{\"Id\":\"1\",\"SenderFault\":true,"
                + "\"Code\":\"ReceiptHandleIsInvalid\",\"Message\":\"invalid\"}]}";
        Acknowledger acks = acknowledgerFor(ok(mixed));

        Throwable failure = failureOf(() -> acks.deleteAll(List.of(received("h1", 30), received("h2", -1))).join());

        assertThat(failure).hasMessageStartingWith("1 of 2 messages were not acknowledged");
    }
}
