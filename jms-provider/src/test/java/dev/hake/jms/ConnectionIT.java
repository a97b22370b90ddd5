package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
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
}
