package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code roleArn}, hake assumes the role through STS at the backend's endpoint and works with
 * the role's credentials. moto (and LocalStack) serve STS on their SQS port and let any role be
 * assumed; the embedded backend serves no STS, so there those tests are skipped, and {@code hake:embedded}
 * leaves the role aside.
 */
class AssumedRoleIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;
    private static final String ROLE = "arn:aws:iam::123456789012:role/hake-test";
    private static final String EXTERNAL_ID = "hake-it-external";

    private String sessionName;
    private HakeConnectionFactory withRole;

    @BeforeEach
    void roleFactory() throws Exception {
        if (backend.name().equals("moto")) {
            // moto 5.2.1 cannot list its state (data.json answers 500, MissingBucket) once a bucket
            // that held objects was deleted, as the large-message tests do: start this test from a
            // clean moto, which every earlier test has left empty of its own resources anyway.
            HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(backend.endpoint() + "/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reset.statusCode()).isEqualTo(200);
        }
        sessionName = "it-" + prefix.substring(0, prefix.length() - 1);
        withRole = factory("roleArn=" + ROLE + "&roleSessionName=" + sessionName + "&roleExternalId=" + EXTERNAL_ID);
    }

    @Test
    void aQueueMessageGoesAndComesWithTheRolesCredentials() throws Exception {
        assumeStsIsServed();
        assertThat(roundTrip(withRole, false)).isEqualTo("sent through as-role");
        assertRoleWasAssumed();
    }

    @Test
    void aTopicSubscriptionIsMadeAndFedWithTheRolesCredentials() throws Exception {
        assumeStsIsServed();
        assertThat(roundTrip(withRole, true)).isEqualTo("sent through as-role");
        assertRoleWasAssumed();
    }

    @Test
    void hakeEmbeddedDoesNotAssumeTheRole() throws Exception {
        // A role configured for AWS stays harmless when the same settings run on the in-JVM backend.
        HakeConnectionFactory embedded = new HakeConnectionFactory("hake:embedded?prefix=" + prefix + "&roleArn=" + ROLE);
        assertThat(roundTrip(embedded, false)).isEqualTo("sent through as-role");
    }

    /** Sends a text to a queue or topic named as-role, with a consumer open on it, and returns what it received. */
    private String roundTrip(HakeConnectionFactory factory, boolean topic) throws JMSException {
        Connection c = track(factory.createConnection());
        c.start();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Destination destination = topic ? session.createTopic("as-role") : session.createQueue("as-role");
        MessageConsumer consumer = session.createConsumer(destination);
        session.createProducer(destination).send(session.createTextMessage("sent through as-role"));
        TextMessage got = (TextMessage) consumer.receive(WAIT);
        assertThat(got).as("received from " + destination).isNotNull();
        return got.getText();
    }

    private void assumeStsIsServed() {
        Assumptions.assumeFalse(backend.name().equals("embedded"),
                "the embedded backend serves no STS, so no role can be assumed on it: run with -Dhake.test.backend=moto");
    }

    /** moto lists the roles it handed out; other backends are taken at their word. */
    private void assertRoleWasAssumed() throws Exception {
        if (!backend.name().equals("moto")) {
            return;
        }
        HttpResponse<String> state = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(backend.endpoint() + "/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(state.body()).contains("\"session_name\": \"" + sessionName + "\"", "\"role_arn\": \"" + ROLE + "\"",
                "\"external_id\": \"" + EXTERNAL_ID + "\"");
    }
}
