package dev.hake.embedded.internal.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.FrontResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsSizeCheckTest {

    private static final int LIMIT = 1_048_576;

    @Test
    void aMessageCountsItsBodyAndItsAttributesNamesTypesAndValuesInBytes() {
        Map<String, Object> message = Map.of("MessageBody", "é€", "MessageAttributes", Map.of(
                "text", Map.of("DataType", "String", "StringValue", "ü"),
                "blob", Map.of("DataType", "Binary", "BinaryValue", Base64.getEncoder().encodeToString(new byte[5]))));

        // body 2 + 3; "text" 4 + "String" 6 + 2; "blob" 4 + "Binary" 6 + 5
        assertThat(SqsMessageSize.ofJson(message)).isEqualTo(32);
        assertThat(SqsMessageSize.ofQuery(FormParameters.of(Map.of("MessageBody", "é€",
                "MessageAttribute.1.Name", "text", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "ü",
                "MessageAttribute.2.Name", "blob", "MessageAttribute.2.Value.DataType", "Binary",
                "MessageAttribute.2.Value.BinaryValue", Base64.getEncoder().encodeToString(new byte[5]))))).isEqualTo(32);
    }

    @Test
    void sendMessageTakesOneMebibyteAndRefusesOneByteMore() {
        Map<String, Object> attribute = Map.of("a", Map.of("DataType", "String", "StringValue", "v")); // 8 bytes

        assertThat(SqsSizeCheck.json("SendMessage", Map.of("MessageBody", "x".repeat(LIMIT - 8),
                "MessageAttributes", attribute))).isEmpty();
        SqsError refused = SqsSizeCheck.json("SendMessage", Map.of("MessageBody", "x".repeat(LIMIT - 7),
                "MessageAttributes", attribute)).orElseThrow();

        assertThat(refused.queryCode()).isEqualTo("InvalidParameterValue");
        assertThat(refused.message()).isEqualTo(
                "One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.");
        FrontResponse json = refused.json();
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.headers()).containsEntry("x-amzn-query-error", List.of("InvalidParameterValue;Sender"));
        assertThat(new String(refused.query().body(), StandardCharsets.UTF_8))
                .contains("<Code>InvalidParameterValue</Code>").contains("1048576 bytes");
    }

    @Test
    void aBatchTakesOneMebibyteInAllAndRefusesOneByteMore() {
        Map<String, Object> half = Map.of("Id", "a", "MessageBody", "x".repeat(LIMIT / 2));
        Map<String, Object> halfAndOne = Map.of("Id", "b", "MessageBody", "x".repeat(LIMIT / 2 + 1));

        assertThat(SqsSizeCheck.json("SendMessageBatch", Map.of("Entries", List.of(half, half)))).isEmpty();
        assertThat(SqsSizeCheck.json("SendMessageBatch", Map.of("Entries", List.of(half, halfAndOne))).orElseThrow()
                .message()).isEqualTo("Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");
        assertThat(SqsSizeCheck.query(FormParameters.of(Map.of("Action", "SendMessageBatch",
                "SendMessageBatchRequestEntry.1.MessageBody", "x".repeat(LIMIT / 2),
                "SendMessageBatchRequestEntry.2.MessageBody", "x".repeat(LIMIT / 2 + 1)))).orElseThrow().queryCode())
                .isEqualTo("AWS.SimpleQueueService.BatchRequestTooLong");
    }

    @Test
    void otherOperationsAreNotLookedAt() {
        assertThat(SqsSizeCheck.json("ReceiveMessage", Map.of("MessageBody", "x".repeat(LIMIT + 1)))).isEmpty();
        assertThat(SqsSizeCheck.query(FormParameters.of(Map.of("Action", "ListQueues")))).isEmpty();
    }
}
