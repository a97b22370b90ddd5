package dev.hake.core;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Parses {@code hake:} URIs: {@code hake:?region=eu-west-1&prefix=dev-} for AWS or any endpoint,
 * {@code hake:embedded?prefix=demo-} for the in-JVM backend. Options are strict: an unknown or
 * repeated key is an error that names it.
 */
public final class HakeUri {

    private static final String SCHEME = "hake:";
    private static final String EMBEDDED = "embedded";

    private static final Map<String, Option<?>> OPTIONS = options();

    private HakeUri() {
    }

    /**
     * What a URI says, before its values are checked: whether it names the embedded backend, and its
     * options as given (decoded), in the URI's order.
     */
    public record Parts(boolean embedded, Map<String, String> options) {
    }

    /** The options whose values are secrets: never logged, printed or put in an exception message. */
    private static final Set<String> SECRET_KEYS = Set.of("accessKeyId", "secretAccessKey", "sessionToken",
            "roleExternalId");

    /** Whether an option's value is a secret, which messages must not show. */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /** The option keys a URI may carry, in documentation order. */
    public static Set<String> keys() {
        return OPTIONS.keySet();
    }

    public static HakeSettings parse(String uri) {
        return apply(HakeSettings.builder(), uri).build();
    }

    /** Applies a URI's options on top of a builder (for factories that also have setters). */
    public static HakeSettings.Builder apply(HakeSettings.Builder builder, String uri) {
        Parts parts = read(uri);
        if (parts.embedded()) {
            builder.embedded(true);
        }
        parts.options().forEach((key, value) -> set(builder, key, value));
        return builder;
    }

    /** Splits a URI into its target and options; refuses a bad target, an unknown key or a repeated one. */
    public static Parts read(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            // Only what comes before the options: they may hold credentials.
            String shown = uri == null || uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?')) + "?...";
            throw new IllegalArgumentException("a hake URI starts with 'hake:', was '" + shown + "'");
        }
        String rest = uri.substring(SCHEME.length());
        int q = rest.indexOf('?');
        String target = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        boolean embedded = target.equals(EMBEDDED);
        if (!embedded && !target.isEmpty() && !target.equals("//")) {
            throw new IllegalArgumentException("unknown hake URI target '" + target
                    + "': use 'hake:?option=value' or 'hake:embedded?option=value'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            option(key);
            if (options.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("hake URI option '" + key + "' is given twice");
            }
        }
        return new Parts(embedded, Collections.unmodifiableMap(options));
    }

    /**
     * An option's value as the settings would hold it (a String, URI, Integer, Boolean or List), so
     * that two spellings of one value compare equal; refuses a value the option does not take.
     */
    public static Object value(String key, String text) {
        return option(key).check(text);
    }

    /** Sets one option, given in the URI's text form, on a builder. */
    public static void set(HakeSettings.Builder builder, String key, String text) {
        option(key).apply(builder, text);
    }

    /**
     * A URI that parses back to these settings, every option spelled out. It holds the credentials,
     * if the settings have them: never log or print it.
     */
    public static String of(HakeSettings settings) {
        StringJoiner query = new StringJoiner("&", (settings.embedded() ? SCHEME + EMBEDDED : SCHEME) + "?", "");
        OPTIONS.forEach((key, option) -> {
            String value = option.read().apply(settings);
            if (value != null) {
                query.add(encode(key) + "=" + encode(value));
            }
        });
        return query.toString();
    }

    /**
     * One option: how its text becomes a value, how the value goes into a builder, and how it is read
     * back out of settings as text (null when the settings leave it unset).
     */
    private record Option<T>(Function<String, T> parse, BiConsumer<HakeSettings.Builder, T> setter,
                             Function<HakeSettings, String> read) {

        T check(String text) {
            T value = parse.apply(text);
            // The builder's setter holds the option's rules (ranges, characters); a scratch builder runs them.
            setter.accept(HakeSettings.builder(), value);
            return value;
        }

        void apply(HakeSettings.Builder builder, String text) {
            setter.accept(builder, parse.apply(text));
        }
    }

    private static Option<?> option(String key) {
        Option<?> option = OPTIONS.get(key);
        if (option == null) {
            throw new IllegalArgumentException("unknown hake URI option '" + key + "'; known options: "
                    + String.join(", ", OPTIONS.keySet()));
        }
        return option;
    }

    private static Map<String, Option<?>> options() {
        Map<String, Option<?>> m = new LinkedHashMap<>();
        m.put("region", text(HakeSettings.Builder::region, s -> s.region().orElse(null)));
        m.put("endpoint", new Option<>(v -> v.isBlank() ? null : toUri(v), HakeSettings.Builder::endpoint,
                s -> s.endpoint().map(URI::toString).orElse(null)));
        m.put("prefix", text(HakeSettings.Builder::prefix, HakeSettings::prefix));
        m.put("clientId", text(HakeSettings.Builder::clientId, s -> s.clientId().orElse(null)));
        m.put("createDestinations", new Option<>(v -> toBoolean("createDestinations", v),
                HakeSettings.Builder::createDestinations, s -> Boolean.toString(s.createDestinations())));
        m.put("accessKeyId", text(HakeSettings.Builder::accessKeyId, s -> s.accessKeyId().orElse(null)));
        m.put("secretAccessKey", text(HakeSettings.Builder::secretAccessKey, s -> s.secretAccessKey().orElse(null)));
        m.put("sessionToken", text(HakeSettings.Builder::sessionToken, s -> s.sessionToken().orElse(null)));
        m.put("receiveBatchSize", number("receiveBatchSize", HakeSettings.Builder::receiveBatchSize,
                HakeSettings::receiveBatchSize));
        m.put("receiveWaitSeconds", number("receiveWaitSeconds", HakeSettings.Builder::receiveWaitSeconds,
                HakeSettings::receiveWaitSeconds));
        m.put("visibilityTimeoutSeconds", number("visibilityTimeoutSeconds",
                HakeSettings.Builder::visibilityTimeoutSeconds, HakeSettings::visibilityTimeoutSeconds));
        m.put("listenerThreads", number("listenerThreads", HakeSettings.Builder::listenerThreads,
                HakeSettings::listenerThreads));
        m.put("trustedPackages", new Option<>(
                v -> v.isBlank() ? List.<String>of() : Arrays.stream(v.split(",")).map(String::trim).toList(),
                HakeSettings.Builder::trustedPackages, s -> String.join(",", s.trustedPackages())));
        m.put("maxDeliveries", number("maxDeliveries", HakeSettings.Builder::maxDeliveries, HakeSettings::maxDeliveries));
        m.put("deadLetterQueue", text(HakeSettings.Builder::deadLetterQueue, HakeSettings::deadLetterQueue));
        m.put("redeliveryDelaySeconds", number("redeliveryDelaySeconds", HakeSettings.Builder::redeliveryDelaySeconds,
                HakeSettings::redeliveryDelaySeconds));
        m.put("redeliveryBackoffMultiplier", new Option<>(v -> toDouble("redeliveryBackoffMultiplier", v),
                HakeSettings.Builder::redeliveryBackoffMultiplier, s -> Double.toString(s.redeliveryBackoffMultiplier())));
        m.put("maxRedeliveryDelaySeconds", number("maxRedeliveryDelaySeconds",
                HakeSettings.Builder::maxRedeliveryDelaySeconds, HakeSettings::maxRedeliveryDelaySeconds));
        m.put("roleArn", text(HakeSettings.Builder::roleArn, s -> s.roleArn().orElse(null)));
        m.put("roleExternalId", text(HakeSettings.Builder::roleExternalId, s -> s.roleExternalId().orElse(null)));
        m.put("roleSessionName", text(HakeSettings.Builder::roleSessionName, HakeSettings::roleSessionName));
        m.put("largeMessageBucket", text(HakeSettings.Builder::largeMessageBucket,
                s -> s.largeMessageBucket().orElse(null)));
        m.put("largeMessageThreshold", number("largeMessageThreshold", HakeSettings.Builder::largeMessageThreshold,
                HakeSettings::largeMessageThreshold));
        m.put("largeMessageAlwaysThroughS3", new Option<>(v -> toBoolean("largeMessageAlwaysThroughS3", v),
                HakeSettings.Builder::largeMessageAlwaysThroughS3, s -> Boolean.toString(s.largeMessageAlwaysThroughS3())));
        m.put("largeMessageDeleteOnAcknowledge", new Option<>(v -> toBoolean("largeMessageDeleteOnAcknowledge", v),
                HakeSettings.Builder::largeMessageDeleteOnAcknowledge,
                s -> Boolean.toString(s.largeMessageDeleteOnAcknowledge())));
        return Collections.unmodifiableMap(m);
    }

    private static Option<String> text(BiConsumer<HakeSettings.Builder, String> setter,
                                       Function<HakeSettings, String> read) {
        return new Option<>(Function.identity(), setter, read);
    }

    private static Option<Integer> number(String key, BiConsumer<HakeSettings.Builder, Integer> setter,
                                          ToIntFunction<HakeSettings> read) {
        return new Option<>(v -> toInt(key, v), setter, s -> Integer.toString(read.applyAsInt(s)));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI toUri(String v) {
        try {
            return URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option 'endpoint' is not a valid URL: " + v, e);
        }
    }

    private static boolean toBoolean(String key, String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option '" + key + "' must be true or false, was '" + v + "'");
        };
    }

    private static double toDouble(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a number, was '" + v + "'");
        }
    }

    private static int toInt(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a whole number, was '" + v + "'");
        }
    }
}
