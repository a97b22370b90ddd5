package dev.hake.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ReachabilityTest {

    private final AtomicLong now = new AtomicLong();
    private final Reachability reachability = new Reachability(now::get);
    private final List<HakeException> heard = new CopyOnWriteArrayList<>();

    {
        reachability.listen((last, since) -> heard.add(last));
    }

    private static Throwable reset() {
        return SdkClientException.create("Unable to execute HTTP request: Connection reset", new IOException("reset"));
    }

    private void failAfterSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        reachability.failed(reset(), "ReceiveMessageRequest");
    }

    @Test
    void anOutageIsToldOnceWhenRequestsHaveFailedForTenSeconds() {
        failAfterSeconds(0);
        failAfterSeconds(4);
        failAfterSeconds(4);
        assertThat(heard).as("8 s: not yet").isEmpty();

        failAfterSeconds(3);
        failAfterSeconds(5);

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !heard.isEmpty());
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0)).hasMessageContaining("Connection reset");
    }

    @Test
    void anAnswerEndsTheOutageAndTheNextOneIsToldAgain() {
        failAfterSeconds(0);
        failAfterSeconds(6);
        failAfterSeconds(6);
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> heard.size() == 1);

        reachability.answered();
        failAfterSeconds(1);
        failAfterSeconds(6);
        failAfterSeconds(6);

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> heard.size() == 2);
    }

    @Test
    void aRefusalIsAnAnswer() {
        AwsServiceException refused = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
        failAfterSeconds(0);
        failAfterSeconds(6);
        reachability.failed(refused, "SendMessageRequest");
        failAfterSeconds(6);
        failAfterSeconds(1);

        assertThat(heard).as("the failures before the refusal do not count").isEmpty();
    }
}
