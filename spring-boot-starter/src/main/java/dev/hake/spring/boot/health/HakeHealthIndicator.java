package dev.hake.spring.boot.health;

import dev.hake.core.BackendProbe;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import dev.hake.jms.HakeConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether AWS (or the configured endpoint) answers hake: one SQS ListQueues under the prefix, for at
 * most one queue, with the factory's credentials. UP when SQS answered; DOWN with the reason when it
 * refused (bad credentials, no permission) or did not answer. Credentials never appear in the details.
 * The probe keeps its AWS clients between checks and closes them with the application context.
 */
public class HakeHealthIndicator implements HealthIndicator, DisposableBean {

    /** Longest a check waits, the AWS SDK's retries included. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HakeConnectionFactory factory;
    private BackendProbe probe;
    /** The settings of the probe, as a URI: it holds credentials, so it is compared, never shown. */
    private String probed;

    public HakeHealthIndicator(HakeConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public synchronized Health health() {
        HakeSettings settings;
        try {
            settings = factory.settings();
        } catch (IllegalArgumentException e) {
            return Health.down().withDetail("reason", "invalid hake settings: " + e.getMessage()).build();
        }
        Health.Builder health = new Health.Builder().withDetail("backend", backend(settings))
                .withDetail("prefix", settings.prefix());
        try {
            probe(settings).check(TIMEOUT);
            return health.up().build();
        } catch (HakeException e) {
            return health.down().withDetail("reason", hideSecrets(String.valueOf(e.getMessage()), settings)).build();
        }
    }

    /** The probe for these settings: kept while they stay the same, so the SDK's credentials stay cached. */
    private BackendProbe probe(HakeSettings settings) {
        String wanted = HakeUri.of(settings);
        if (probe == null || !wanted.equals(probed)) {
            closeProbe();
            probe = BackendProbe.open(settings);
            probed = wanted;
        }
        return probe;
    }

    private static String backend(HakeSettings settings) {
        if (settings.embedded()) {
            return "embedded";
        }
        return settings.endpoint().map(Object::toString)
                .orElse("AWS, region " + settings.region().orElse("from the environment"));
    }

    /** AWS's messages do not carry secrets; this makes sure, whatever a proxy or emulator answers. */
    static String hideSecrets(String message, HakeSettings settings) {
        String result = message;
        for (Optional<String> secret : Stream.of(settings.accessKeyId(), settings.secretAccessKey(),
                settings.sessionToken(), settings.roleExternalId()).toList()) {
            if (secret.isPresent() && !secret.get().isEmpty()) {
                result = result.replace(secret.get(), "(hidden)");
            }
        }
        return result;
    }

    private void closeProbe() {
        if (probe != null) {
            probe.close();
            probe = null;
            probed = null;
        }
    }

    @Override
    public synchronized void destroy() {
        closeProbe();
    }
}
