package dev.hake.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.jms.HakeConnectionFactory;
import dev.hake.ra.outbound.HakeManagedConnectionFactory;
import dev.hake.testing.BackendResources;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pooled ConnectionFactory as a server hands it to beans: sends in a container transaction go
 * out when it commits and never when it rolls back; receives in one are deleted at commit; outside a
 * transaction a send goes at once; what Jakarta EE forbids is refused with the reason.
 */
@ExtendWith(HakeBackendExtension.class)
class OutboundIT {

    private HakeTestBackend backend;
    private String prefix;
    private TestConnectionManager server;
    private ConnectionFactory pooled;
    private Connection observer;
    private Session observerSession;

    @BeforeEach
    void start(HakeTestBackend backend) throws Exception {
        this.backend = backend;
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        HakeResourceAdapter adapter = new HakeResourceAdapter();
        adapter.setUri(backend.hakeUri("prefix=" + prefix));
        HakeManagedConnectionFactory managed = new HakeManagedConnectionFactory();
        managed.setResourceAdapter(adapter);
        server = new TestConnectionManager();
        pooled = (ConnectionFactory) managed.createConnectionFactory(server);
        observer = new HakeConnectionFactory(backend.hakeUri("prefix=" + prefix)).createConnection();
        observerSession = observer.createSession(false, Session.AUTO_ACKNOWLEDGE);
        observer.start();
    }

    @AfterEach
    void stop() throws Exception {
        observer.close();
        server.close();
        try (BackendResources aws = new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(),
                backend.secretAccessKey())) {
            aws.deleteAll(prefix);
        }
    }

    /** What a bean method does: open a connection from the pool, send one message, close. */
    private void sendFromABean(String queue, String text) throws Exception {
        try (Connection c = pooled.createConnection(); Session s = c.createSession()) {
            TextMessage m = s.createTextMessage(text);
            m.setStringProperty("origin", "bean");
            s.createProducer(s.createQueue(queue)).send(m);
        }
    }

    private Message receive(String queue, long millis) throws Exception {
        try (MessageConsumer consumer = observerSession.createConsumer(observerSession.createQueue(queue))) {
            return consumer.receive(millis);
        }
    }

    @Test
    void sendsInAContainerTransactionGoOutWhenItCommits() throws Exception {
        server.begin();
        sendFromABean("orders", "order 1");
        assertThat(receive("orders", 1_000)).as("held until the transaction commits").isNull();
        server.commit();

        Message arrived = receive("orders", 5_000);
        assertThat(arrived).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) arrived).getText()).isEqualTo("order 1");
        assertThat(arrived.getStringProperty("origin")).isEqualTo("bean");
    }

    @Test
    void sendsOfARolledBackTransactionNeverArrive() throws Exception {
        server.begin();
        sendFromABean("orders", "cancelled");
        server.rollback();
        assertThat(receive("orders", 2_000)).isNull();
    }

    @Test
    void outsideATransactionASendGoesAtOnce() throws Exception {
        sendFromABean("orders", "now");
        assertThat(((TextMessage) receive("orders", 5_000)).getText()).isEqualTo("now");
    }

    @Test
    void aReceiveInATransactionIsUndoneByRollbackAndKeptByCommit() throws Exception {
        observerSession.createProducer(observerSession.createQueue("inbox")).send(observerSession.createTextMessage("job"));
        for (boolean commit : new boolean[] {false, true}) {
            server.begin();
            try (Connection c = pooled.createConnection(); Session s = c.createSession()) {
                c.start();
                Message m = s.createConsumer(s.createQueue("inbox")).receive(5_000);
                assertThat(((TextMessage) m).getText()).isEqualTo("job");
                assertThat(m.getJMSRedelivered()).isEqualTo(commit);
            }
            if (commit) {
                server.commit();
            } else {
                server.rollback();
            }
        }
        assertThat(receive("inbox", 1_000)).as("deleted when the second transaction committed").isNull();
    }

    @Test
    void aJmsContextSendsInTheTransactionToo() throws Exception {
        server.begin();
        try (JMSContext context = pooled.createContext()) {
            Queue queue = context.createQueue("contexts");
            context.createProducer().setProperty("origin", "context").send(queue, "hello");
        }
        assertThat(receive("contexts", 1_000)).isNull();
        server.commit();
        Message m = receive("contexts", 5_000);
        assertThat(m.getBody(String.class)).isEqualTo("hello");
        assertThat(m.getStringProperty("origin")).isEqualTo("context");
    }

    @Test
    void connectionsArePooledAndAClosedHandleIsDead() throws Exception {
        Connection first = pooled.createConnection();
        first.close();
        Connection second = pooled.createConnection();
        second.close();
        assertThat(server.managedConnections()).as("the second reused the first's connection").isEqualTo(1);
        assertThatThrownBy(first::createSession).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void whatJakartaEeForbidsIsRefusedWithTheReason() throws Exception {
        server.begin();
        try (Connection c = pooled.createConnection()) {
            assertThatThrownBy(() -> c.setClientID("x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setClientID").hasMessageContaining("Jakarta EE");
            assertThatThrownBy(() -> c.setExceptionListener(e -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(c::stop).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.createConnectionConsumer(observerSession.createQueue("q"), null, null, 1))
                    .isInstanceOf(IllegalStateException.class);
            Session s = c.createSession();
            assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class)
                    .hasMessageContaining("container");
            assertThatThrownBy(() -> s.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
        }
        server.rollback();
    }
}
