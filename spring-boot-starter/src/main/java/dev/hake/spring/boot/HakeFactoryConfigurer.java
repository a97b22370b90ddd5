package dev.hake.spring.boot;

import dev.hake.core.HakeUri;
import dev.hake.jms.HakeConnectionFactory;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * Puts the {@code hake.*} properties on a {@link HakeConnectionFactory} through its setters, and the
 * URI last, as Spring's own binding of the factory would. A value hake refuses fails the startup with
 * Boot's {@link InvalidConfigurationPropertyValueException}, which names the property (and, for
 * credentials, not the value).
 */
final class HakeFactoryConfigurer {

    static final String EMBEDDED_CLASS = "dev.hake.embedded.EmbeddedHake";
    private static final String HIDDEN = "(hidden)";

    private final HakeProperties properties;
    private final ClassLoader classLoader;
    private final HakeConnectionFactory factory = new HakeConnectionFactory();

    private HakeFactoryConfigurer(HakeProperties properties, ClassLoader classLoader) {
        this.properties = properties;
        this.classLoader = classLoader;
    }

    /** A factory configured by {@code properties}; {@code classLoader} is the application's. */
    static HakeConnectionFactory create(HakeProperties properties, ClassLoader classLoader) {
        return new HakeFactoryConfigurer(properties, classLoader).configure();
    }

    private HakeConnectionFactory configure() {
        HakeProperties p = properties;
        set("region", p.getRegion(), factory::setRegion);
        set("endpoint", p.getEndpoint(), uri -> factory.setEndpoint(uri.toString()));
        set("prefix", p.getPrefix(), factory::setPrefix);
        set("clientId", p.getClientId(), factory::setClientId);
        set("createDestinations", p.getCreateDestinations(), factory::setCreateDestinations);
        set("accessKeyId", p.getAccessKeyId(), factory::setAccessKeyId);
        set("secretAccessKey", p.getSecretAccessKey(), factory::setSecretAccessKey);
        set("sessionToken", p.getSessionToken(), factory::setSessionToken);
        set("receiveBatchSize", p.getReceiveBatchSize(), factory::setReceiveBatchSize);
        set("receiveWaitSeconds", p.getReceiveWaitSeconds(), factory::setReceiveWaitSeconds);
        set("visibilityTimeoutSeconds", p.getVisibilityTimeoutSeconds(), factory::setVisibilityTimeoutSeconds);
        set("listenerThreads", p.getListenerThreads(), factory::setListenerThreads);
        set("trustedPackages", p.getTrustedPackages(), packages -> factory.setTrustedPackages(String.join(",", packages)));
        set("maxDeliveries", p.getMaxDeliveries(), factory::setMaxDeliveries);
        set("deadLetterQueue", p.getDeadLetterQueue(), factory::setDeadLetterQueue);
        set("redeliveryDelaySeconds", p.getRedeliveryDelaySeconds(), factory::setRedeliveryDelaySeconds);
        set("redeliveryBackoffMultiplier", p.getRedeliveryBackoffMultiplier(), factory::setRedeliveryBackoffMultiplier);
        set("maxRedeliveryDelaySeconds", p.getMaxRedeliveryDelaySeconds(), factory::setMaxRedeliveryDelaySeconds);
        set("roleArn", p.getRoleArn(), factory::setRoleArn);
        set("roleExternalId", p.getRoleExternalId(), factory::setRoleExternalId);
        set("roleSessionName", p.getRoleSessionName(), factory::setRoleSessionName);
        set("largeMessageBucket", p.getLargeMessageBucket(), factory::setLargeMessageBucket);
        set("largeMessageThreshold", p.getLargeMessageThreshold(), factory::setLargeMessageThreshold);
        set("largeMessageAlwaysThroughS3", p.getLargeMessageAlwaysThroughS3(), factory::setLargeMessageAlwaysThroughS3);
        set("largeMessageDeleteOnAcknowledge", p.getLargeMessageDeleteOnAcknowledge(),
                factory::setLargeMessageDeleteOnAcknowledge);
        String uri = uri();
        if (uri != null) {
            try {
                factory.setUri(uri);
            } catch (IllegalArgumentException e) {
                String property = p.getUri() == null ? "hake.embedded" : "hake.uri";
                // The URI may hold credentials: its value is not shown, hake's reason names the option.
                throw new InvalidConfigurationPropertyValueException(property,
                        p.getUri() == null ? Boolean.toString(p.isEmbedded()) : HIDDEN, withPropertyNames(e.getMessage()));
            }
        }
        return factory;
    }

    /**
     * The URI to apply: hake.uri, made to name the embedded backend when hake.embedded is true. The
     * embedded backend's classes must be there: better said at startup than at the first connection.
     */
    private String uri() {
        String uri = properties.getUri();
        if (!properties.isEmbedded()) {
            return uri;
        }
        if (!ClassUtils.isPresent(EMBEDDED_CLASS, classLoader)) {
            throw new InvalidConfigurationPropertyValueException("hake.embedded", "true",
                    "the embedded backend needs dev.hake:hake-embedded on the classpath");
        }
        if (uri == null) {
            return "hake:embedded";
        }
        if (HakeUri.read(uri).embedded()) {
            return uri;
        }
        int query = uri.indexOf('?');
        return "hake:embedded" + (query < 0 ? "" : uri.substring(query));
    }

    private <T> void set(String key, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(propertyName(key),
                    HakeUri.isSecret(key) ? HIDDEN : value, withPropertyNames(e.getMessage()));
        }
    }

    /** hake's messages name URI options and setters ("prefix", "setPrefix"); a Boot user set properties. */
    private static String withPropertyNames(String message) {
        String result = message;
        for (String key : HakeUri.keys()) {
            String setter = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            result = result.replace("by " + setter, "by " + propertyName(key));
        }
        return result;
    }

    /** The property of a URI option: {@code receiveBatchSize} is {@code hake.receive-batch-size}. */
    static String propertyName(String key) {
        return "hake." + kebab(key);
    }

    private static String kebab(String camel) {
        return camel.chars().mapToObj(c -> Character.isUpperCase(c)
                ? "-" + Character.toLowerCase((char) c) : String.valueOf((char) c)).reduce("", String::concat);
    }
}
