package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Session;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Connection metadata and the client ID rules. */
class ConnectionIT extends JmsIntegrationTest {

    @Test
    void metadataNamesJms31AndHake() throws Exception {
        ConnectionMetaData meta = connection().getMetaData();
        assertThat(meta.getJMSVersion()).isEqualTo("3.1");
        assertThat(meta.getJMSMajorVersion()).isEqualTo(3);
        assertThat(meta.getJMSMinorVersion()).isEqualTo(1);
        assertThat(meta.getJMSProviderName()).isEqualTo("hake");
        assertThat(meta.getProviderVersion()).isNotBlank();
        assertThat(Collections.list(meta.getJMSXPropertyNames())).contains("JMSXGroupID", "JMSXDeliveryCount");
    }

    @Test
    void clientIdIsSetOnceBeforeUse() throws Exception {
        Connection c = connection();
        assertThat(c.getClientID()).isNull();
        c.setClientID("first");
        assertThat(c.getClientID()).isEqualTo("first");
        assertThatThrownBy(() -> c.setClientID("second")).isInstanceOf(IllegalStateException.class);

        Connection used = connection();
        used.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateException.class);

        Connection blank = connection();
        assertThatThrownBy(() -> blank.setClientID("")).isInstanceOf(InvalidClientIDException.class);
    }

    @Test
    void clientIdInUseByAnotherOpenConnectionIsRefusedUntilThatConnectionCloses() throws Exception {
        Connection holder = connection();
        holder.setClientID("taken");
        Connection other = connection();
        assertThatThrownBy(() -> other.setClientID("taken"))
                .isInstanceOf(InvalidClientIDException.class)
                .hasMessageContaining("'taken' is in use");

        holder.close();
        other.setClientID("taken");
        assertThat(other.getClientID()).isEqualTo("taken");
    }

    @Test
    void presetClientIdCannotBeChanged() throws Exception {
        Connection c = track(factory("clientId=preset").createConnection());
        assertThat(c.getClientID()).isEqualTo("preset");
        assertThatThrownBy(() -> c.setClientID("other")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void userAndPasswordAreCredentialsForThatConnection() throws Exception {
        // On an emulator any key works; the point is that the pair is taken and the connection works.
        Connection c = track(factory.createConnection(backend.accessKeyId(), backend.secretAccessKey()));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createProducer(s.createQueue("with-credentials")).send(s.createTextMessage("ok"));
        assertThat(aws.queueUrls(prefix + "with-credentials")).hasSize(1);
    }

    @Test
    void aUserNameThatCannotBeAnAccessKeyIdIsRefusedAtOnce() {
        assertThatThrownBy(() -> factory.createConnection("invalid", "invalid"))
                .isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("not an AWS access key id")
                .hasMessageNotContaining("invalid");
        assertThatThrownBy(() -> factory.createQueueConnection(backend.accessKeyId(), ""))
                .isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("no secret access key");
        assertThatThrownBy(() -> factory.createContext("invalid", "invalid"))
                .isInstanceOf(JMSSecurityRuntimeException.class);
    }
}
