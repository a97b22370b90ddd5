package dev.hake.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionNamesTest {

    private static final byte[] NO_BODY = new byte[0];

    @Test
    void sqsJsonProtocolNamesTheActionInItsTargetHeader() {
        assertThat(ActionNames.of("AmazonSQS.SendMessageBatch", null, "{\"QueueUrl\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("SendMessageBatch");
    }

    @Test
    void queryProtocolNamesTheActionInTheFormBody() {
        byte[] body = "Version=2010-03-31&Action=PublishBatch&TopicArn=arn%3Aaws".getBytes(StandardCharsets.UTF_8);
        assertThat(ActionNames.of(null, null, body)).isEqualTo("PublishBatch");
    }

    @Test
    void queryProtocolMayNameTheActionInTheQueryString() {
        assertThat(ActionNames.of(null, "Action=ListQueues&Version=2012-11-05", NO_BODY)).isEqualTo("ListQueues");
    }

    @Test
    void aRequestWithoutAnActionIsCountedAsUnknown() {
        assertThat(ActionNames.of(null, null, NO_BODY)).isEqualTo(ActionNames.UNKNOWN);
    }

    @Test
    void countsSubtractPerAction() {
        RequestCounts later = new RequestCounts(Map.of("ReceiveMessage", 12L, "SendMessageBatch", 10L));
        RequestCounts earlier = new RequestCounts(Map.of("ReceiveMessage", 2L, "SendMessageBatch", 10L));
        assertThat(later.minus(earlier).byAction()).containsExactly(Map.entry("ReceiveMessage", 10L));
        assertThat(later.startingWith("Send", "Receive")).isEqualTo(22);
    }
}
