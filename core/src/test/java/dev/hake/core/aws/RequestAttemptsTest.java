package dev.hake.core.aws;

import static dev.hake.testing.ScriptedEndpoint.error;
import static dev.hake.testing.ScriptedEndpoint.ok;
import static dev.hake.testing.ScriptedEndpoint.reset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.testing.ScriptedEndpoint;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link RequestAttempts} learns of a request's attempts, through the real SDK and its retries. */
class RequestAttemptsTest {

    private final ExecutorService completions = Executors.newFixedThreadPool(2);
    private ScriptedEndpoint endpoint;
    private AwsClients aws;
    private Throwable last;

    private RequestAttempts sendThrough(ScriptedEndpoint.Step... steps) {
        endpoint = new ScriptedEndpoint(steps);
        aws = AwsClients.create(HakeSettings.builder().endpoint(endpoint.endpoint()).region("us-east-1")
                .accessKeyId("AKIDTESTTESTTESTTEST").secretAccessKey("test").build(), null, null, completions);
        RequestAttempts attempts = new RequestAttempts();
        try {
            aws.sqs().sendMessage(r -> r.queueUrl("http://127.0.0.1:1/000000000000/q").messageBody("b")
                    .overrideConfiguration(attempts::attachTo)).join();
        } catch (CompletionException expected) {
            last = expected.getCause();
        }
        return attempts;
    }

    @AfterEach
    void stop() {
        aws.close();
        endpoint.close();
        completions.shutdownNow();
    }

    @Test
    void anAttemptWhoseAnswerWasLostMayHaveBeenApplied() {
        RequestAttempts attempts = sendThrough(reset(), ok("{\"MessageId\":\"m\",\"MD5OfMessageBody\":\"x\"}"));

        assertThat(attempts.attempts()).isEqualTo(2);
        assertThat(attempts.mayHaveApplied(null)).isTrue();
    }

    @Test
    void attemptsRefusedWith4xxWereNotApplied() {
        RequestAttempts attempts = sendThrough(error(400, "ThrottlingException", "Rate exceeded"),
                error(400, "InvalidParameterValue", "bad"));

        assertThat(attempts.attempts()).as("throttling retried, the refusal not").isEqualTo(2);
        assertThat(attempts.mayHaveApplied(last)).isFalse();
        assertThat(AwsErrors.translate(last, "SQS SendMessage", attempts)).isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("InvalidParameterValue");
    }

    @Test
    void aServerErrorMayHaveBeenApplied() {
        RequestAttempts attempts = sendThrough(error(500, "InternalError", "oops"),
                error(400, "InvalidParameterValue", "bad"));

        assertThat(attempts.mayHaveApplied(last)).isTrue();
        assertThat(AwsErrors.translate(last, "SQS SendMessage", attempts)).isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("the last attempt: SQS SendMessage failed: InvalidParameterValue");
    }

    @Test
    void theSdkMakesFiveAttemptsAtMostAndThenTheOutcomeIsInDoubt() {
        RequestAttempts attempts = sendThrough(reset());

        assertThat(attempts.attempts()).isEqualTo(AwsClients.MAX_ATTEMPTS);
        assertThat(endpoint.requests()).hasSize(AwsClients.MAX_ATTEMPTS);
        assertThat(AwsErrors.translate(last, "SQS SendMessage", attempts))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("SQS SendMessage is in doubt: AWS may have applied it");
    }
}
