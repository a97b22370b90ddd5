package dev.hake.bench.client;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.ConnectionFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** hake, configured by URI: the trial's prefix, the proxy as endpoint, everything else default. */
public final class HakeVendor implements JmsVendor {

    /** A factory for the trial's endpoint and prefix. */
    public static HakeConnectionFactory connectionFactory(TrialSetup setup) {
        return new HakeConnectionFactory("hake:?endpoint=" + encode(setup.endpoint().toString())
                + "&region=" + encode(setup.backend().region())
                + "&accessKeyId=" + encode(setup.backend().accessKeyId())
                + "&secretAccessKey=" + encode(setup.backend().secretAccessKey())
                + "&prefix=" + encode(setup.prefix()));
    }

    @Override
    public String description() {
        return "hake";
    }

    @Override
    public ConnectionFactory factory(TrialSetup setup) {
        return connectionFactory(setup);
    }

    @Override
    public String destinationName(TrialSetup setup, String name) {
        return name;
    }

    @Override
    public void prepareQueue(TrialSetup setup, String name) {
        // hake creates what it needs
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
