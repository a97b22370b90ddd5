package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SentOrderTest {

    /** An answer entry: the SQS message, with the JMS id in its body for the test's convenience. */
    private static Message sent(String jmsId, String timestamp) {
        Message.Builder m = Message.builder().body(jmsId);
        if (timestamp != null) {
            m.attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, timestamp));
        }
        return m.build();
    }

    private static List<String> sorted(Message... answer) {
        List<Message> messages = new ArrayList<>(List.of(answer));
        SentOrder.sort(messages, Function.identity(), Message::body);
        return messages.stream().map(Message::body).toList();
    }

    @Test
    void anAnswerIsPutInTheOrderSqsAcceptedItsMessages() {
        assertThat(sorted(sent("b", "1002"), sent("c", "1003"), sent("a", "1001"))).containsExactly("a", "b", "c");
    }

    @Test
    void withinOneMillisecondASessionsSequencedIdsGiveTheOrder() {
        assertThat(sorted(sent("ID:s1-0000000003", "7"), sent("ID:s1-0000000001", "7"), sent("ID:s1-0000000002", "7")))
                .containsExactly("ID:s1-0000000001", "ID:s1-0000000002", "ID:s1-0000000003");
    }

    @Test
    void aMessageWithoutATimestampGoesLast() {
        assertThat(sorted(sent("late", null), sent("bad", "x"), sent("early", "7"))).startsWith("early");
    }
}
