package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.observe.Observer;
import dev.hake.core.observe.Observers;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

/**
 * hake runs without its optional libraries: the AWS SDK's S3 module (as long as no large message
 * needs it: it says which artifact to add when one does), Micrometer and OpenTelemetry. Run by its
 * own surefire execution, with those taken off the classpath (see this module's pom).
 */
class WithoutOptionalLibrariesTest extends InMemoryJmsTest {

    @Test
    void theOptionalLibrariesAreReallyAbsentHere() {
        for (String absent : new String[] {"software.amazon.awssdk.services.s3.S3AsyncClient",
                "io.micrometer.core.instrument.MeterRegistry", "io.opentelemetry.api.OpenTelemetry"}) {
            assertThatThrownBy(() -> Class.forName(absent)).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void withoutMicrometerOrOpenTelemetryNothingIsObserved() {
        assertThat(Observers.of(aws.settings().build(), null, null)).isSameAs(Observer.NONE);
    }

    @Test
    void aMeterRegistryOrTracerCannotBeGivenWithoutTheirLibrary() {
        assertThatThrownBy(() -> factory.setMeterRegistry(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.micrometer.core.instrument.MeterRegistry");
        assertThatThrownBy(() -> factory.setOpenTelemetry(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.opentelemetry.api.OpenTelemetry");
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
