package dev.hake.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.jms.HakeConnectionFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** DOWN, with a reason and without secrets, when nothing answers; the UP case is HakeHealthIndicatorIT. */
class HakeHealthIndicatorTest {

    private static final String SECRET = "secretThatMustNotShow";

    @Test
    void aClosedPortIsDownWithTheReason() throws IOException {
        HakeConnectionFactory factory = new HakeConnectionFactory("hake:?endpoint=http://127.0.0.1:" + closedPort()
                + "&accessKeyId=AKIAEXAMPLEEXAMPLE12&secretAccessKey=" + SECRET + "&prefix=health-");
        HakeHealthIndicator indicator = new HakeHealthIndicator(factory);
        try {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("ListQueues");
            assertThat(health.getDetails()).containsEntry("prefix", "health-");
            assertThat(health.toString()).doesNotContain(SECRET).doesNotContain("AKIAEXAMPLEEXAMPLE12");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void secretsInAReasonAreHidden() {
        var settings = new HakeConnectionFactory("hake:?accessKeyId=AKIAEXAMPLEEXAMPLE12&secretAccessKey=" + SECRET)
                .settings();
        assertThat(HakeHealthIndicator.hideSecrets("signed with AKIAEXAMPLEEXAMPLE12 and " + SECRET, settings))
                .isEqualTo("signed with (hidden) and (hidden)");
    }

    /** A loopback port that nothing listens on: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
