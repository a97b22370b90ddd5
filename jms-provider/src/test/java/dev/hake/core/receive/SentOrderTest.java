package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SentOrderTest {

    private static Message sentAt(String id, String timestamp) {
        Message.Builder m = Message.builder().messageId(id);
        if (timestamp != null) {
            m.attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, timestamp));
        }
        return m.build();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::messageId).toList();
    }

    @Test
    void anAnswerIsPutInTheOrderSqsAcceptedItsMessages() {
        List<Message> answer = List.of(sentAt("second", "1002"), sentAt("third", "1003"), sentAt("first", "1001"));
        assertThat(ids(SentOrder.sorted(answer))).containsExactly("first", "second", "third");
    }

    @Test
    void equalTimestampsKeepTheirOrderAndMessagesWithoutOneGoLast() {
        List<Message> answer = List.of(sentAt("none", null), sentAt("a", "7"), sentAt("bad", "x"), sentAt("b", "7"));
        assertThat(ids(SentOrder.sorted(answer))).containsExactly("a", "b", "none", "bad");
    }
}
