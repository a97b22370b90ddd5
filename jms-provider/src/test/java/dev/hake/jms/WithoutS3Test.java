package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

/**
 * hake runs without the AWS SDK's S3 module, as long as no large message needs it, and says which
 * artifact to add when one does. Run by its own surefire execution, with
 * {@code software.amazon.awssdk:s3} taken off the classpath (see this module's pom).
 */
class WithoutS3Test extends InMemoryJmsTest {

    @Test
    void theS3ModuleIsReallyAbsentHere() {
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.services.s3.S3AsyncClient"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void messagesFlowWithoutIt() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("plain");
        session.createProducer(queue).send(session.createTextMessage("no S3 needed"));

        assertThat(((TextMessage) session.createConsumer(queue).receive(5_000)).getText()).isEqualTo("no S3 needed");
    }

    @Test
    void aBucketWithoutItIsRefusedNamingTheArtifactToAdd() {
        HakeConnectionFactory withBucket = factory(aws.settings().largeMessageBucket("bodies").build());

        assertThatThrownBy(withBucket::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("software.amazon.awssdk:s3").hasMessageContaining("not on the classpath");
    }
}
