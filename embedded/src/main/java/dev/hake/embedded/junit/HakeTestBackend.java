package dev.hake.embedded.junit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The SNS+SQS endpoint an integration test runs against, as {@link HakeBackendExtension} resolves
 * it: where it is, which region, and which credentials to sign with.
 */
public final class HakeTestBackend {

    /**
     * The access key id the emulators are given. They accept any, but it has the form of a real
     * one (16 or more letters and digits), since hake refuses anything else as a user name.
     */
    static final String EMULATOR_ACCESS_KEY_ID = "hakeTestAccessKey";
    static final String EMULATOR_SECRET_ACCESS_KEY = "hakeTestSecretKey";

    private final String name;
    private final URI endpoint;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;

    HakeTestBackend(String name, URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.region = Objects.requireNonNull(region, "region");
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** The backend's name, as given to {@code hake.test.backend}: embedded, moto, localstack or endpoint. */
    public String name() {
        return name;
    }

    /** The one endpoint that serves both SNS and SQS. */
    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /**
     * A {@code hake:} connection URI for the provider, pointing at this backend:
     * {@code hake:?endpoint=...&region=...&accessKeyId=...&secretAccessKey=...}, every value
     * URL-encoded.
     */
    public String hakeUri() {
        return "hake:?endpoint=" + encode(endpoint.toString())
                + "&region=" + encode(region)
                + "&accessKeyId=" + encode(accessKeyId)
                + "&secretAccessKey=" + encode(secretAccessKey);
    }

    /**
     * {@link #hakeUri()} with more options appended, for example {@code "prefix=it-"}.
     *
     * @param extraQuery options in query form ({@code key=value&key=value}), already URL-encoded
     */
    public String hakeUri(String extraQuery) {
        if (extraQuery == null || extraQuery.isBlank()) {
            return hakeUri();
        }
        String options = extraQuery.startsWith("&") || extraQuery.startsWith("?") ? extraQuery.substring(1) : extraQuery;
        return hakeUri() + "&" + options;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Without the secret key. */
    @Override
    public String toString() {
        return "HakeTestBackend[" + name + " at " + endpoint + ", region " + region + "]";
    }
}
