package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.FrontResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XML the SDK parses: element names, namespace, error document and status. */
class SnsFrontTest {

    private final SnsFront sns = new SnsFront(
            new SnsSettings("eu-west-1", "123456789012", URI.create("http://127.0.0.1:1")),
            () -> {
                throw new AssertionError("no delivery expected");
            },
            task -> {
                throw new AssertionError("no delivery expected");
            });

    @Test
    void recognisesSnsRequestsByVersionOrAction() {
        assertThat(sns.accepts(FormParameters.of(Map.of("Action", "Anything", "Version", "2010-03-31")))).isTrue();
        assertThat(sns.accepts(FormParameters.of(Map.of("Action", "Publish")))).isTrue();
        assertThat(sns.accepts(FormParameters.of(Map.of("Action", "SendMessage", "Version", "2012-11-05")))).isFalse();
        assertThat(sns.accepts(FormParameters.of(Map.of()))).isFalse();
    }

    @Test
    void answersInTheSnsNamespaceWithResultAndRequestId() {
        FrontResponse response = sns.handle(FormParameters.of(Map.of("Action", "CreateTopic", "Name", "t")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<CreateTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><CreateTopicResult>"
                        + "<TopicArn>arn:aws:sns:eu-west-1:123456789012:t</TopicArn></CreateTopicResult>")
                .containsPattern("<ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata>")
                .endsWith("</CreateTopicResponse>");
    }

    @Test
    void errorsUseErrorResponseWithCodeAndStatus() {
        FrontResponse response = sns.handle(FormParameters.of(Map.of("Action", "GetTopicAttributes",
                "TopicArn", "arn:aws:sns:eu-west-1:123456789012:missing")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response)).contains("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>");
    }

    @Test
    void missingParameterIsInvalidParameter() {
        FrontResponse response = sns.handle(FormParameters.of(Map.of("Action", "CreateTopic")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).contains("<Code>InvalidParameter</Code>").contains("Name");
    }

    @Test
    void unknownActionIsInvalidAction() {
        FrontResponse response = sns.handle(FormParameters.of(Map.of("Action", "ConfirmSubscription")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).contains("<Code>InvalidAction</Code>").contains("ConfirmSubscription");
    }

    @Test
    void attributesAreWrittenAsEntriesAndEscaped() {
        sns.handle(FormParameters.of(Map.of("Action", "CreateTopic", "Name", "t")));
        sns.handle(FormParameters.of(Map.of("Action", "SetTopicAttributes", "TopicArn", "arn:aws:sns:eu-west-1:123456789012:t",
                "AttributeName", "DisplayName", "AttributeValue", "<A & B>\r")));

        FrontResponse response = sns.handle(FormParameters.of(Map.of("Action", "GetTopicAttributes",
                "TopicArn", "arn:aws:sns:eu-west-1:123456789012:t")));
        assertThat(body(response)).contains("<entry><key>DisplayName</key><value>&lt;A &amp; B&gt;&#xD;</value></entry>");
    }

    private static String body(FrontResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
