package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.aws.AwsErrors;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** AWS failures reach the application as the exact JMS exception, with the cause kept. */
class JmsErrorsTest {

    private static AwsServiceException aws(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedBecomesJmsSecurityException() {
        AwsServiceException denied = aws(403, "AccessDenied", "User is not authorized to perform sqs:SendMessage");
        JMSException jms = JmsErrors.toJms(new CompletionException(AwsErrors.translate(denied, "SQS SendMessage [queue=q]")));
        assertThat(jms).isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("SQS SendMessage [queue=q]").hasMessageContaining("AccessDenied");
        assertThat(jms.getCause().getCause()).isSameAs(denied);
        assertThat(JmsErrors.toRuntime(jms)).isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void invalidTokenIsASecurityFailureToo() {
        assertThat(JmsErrors.toJms(AwsErrors.translate(aws(400, "InvalidClientTokenId", "bad token"), "SNS Publish")))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void missingQueueBecomesInvalidDestination() {
        QueueDoesNotExistException missing = QueueDoesNotExistException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.NonExistentQueue")
                        .errorMessage("The specified queue does not exist").build()).build();
        JMSException jms = JmsErrors.toJms(AwsErrors.translate(missing, "SQS ReceiveMessage [queue=q]"));
        assertThat(jms).isInstanceOf(InvalidDestinationException.class).hasMessageContaining("does not exist");
        assertThat(JmsErrors.toRuntime(jms)).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    void otherFailuresAreJmsExceptionsNamingWhatFailed() {
        JMSException jms = JmsErrors.toJms(AwsErrors.translate(aws(500, "InternalError", "boom"), "SQS SendMessage [queue=q]"));
        assertThat(jms.getClass()).isEqualTo(JMSException.class);
        assertThat(jms).hasMessage("SQS SendMessage [queue=q] failed: InternalError: boom");
        assertThat(jms.getLinkedException()).isNotNull();
    }

    @Test
    void anAnswerThatIsNotAnAwsErrorIsNamedByItsStatus() {
        AwsServiceException badGateway = AwsServiceException.builder().statusCode(502)
                .awsErrorDetails(AwsErrorDetails.builder().build()).build();
        JMSException jms = JmsErrors.toJms(AwsErrors.translate(badGateway, "SQS ReceiveMessage [queue=q]"));
        assertThat(jms).hasMessage("SQS ReceiveMessage [queue=q] failed: HTTP 502 with no AWS error details");
    }
}
