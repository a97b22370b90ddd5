package dev.hake.core;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Parses {@code hake:} URIs: {@code hake:?region=eu-west-1&prefix=dev-} for AWS or any endpoint,
 * {@code hake:embedded?prefix=demo-} for the in-JVM backend. Options are strict: an unknown or
 * repeated key is an error that names it.
 */
public final class HakeUri {

    private static final String SCHEME = "hake:";
    private static final String EMBEDDED = "embedded";

    private static final Map<String, BiConsumer<HakeSettings.Builder, String>> OPTIONS = options();

    private HakeUri() {
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
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("a hake URI starts with 'hake:', was '" + uri + "'");
        }
        String rest = uri.substring(SCHEME.length());
        int q = rest.indexOf('?');
        String target = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        if (target.equals(EMBEDDED)) {
            builder.embedded(true);
        } else if (!target.isEmpty() && !target.equals("//")) {
            throw new IllegalArgumentException("unknown hake URI target '" + target
                    + "': use 'hake:?option=value' or 'hake:embedded?option=value'");
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            BiConsumer<HakeSettings.Builder, String> setter = OPTIONS.get(key);
            if (setter == null) {
                throw new IllegalArgumentException("unknown hake URI option '" + key + "'; known options: "
                        + String.join(", ", OPTIONS.keySet()));
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("hake URI option '" + key + "' is given twice");
            }
            setter.accept(builder, value);
        }
        return builder;
    }

    private static Map<String, BiConsumer<HakeSettings.Builder, String>> options() {
        Map<String, BiConsumer<HakeSettings.Builder, String>> m = new LinkedHashMap<>();
        m.put("region", HakeSettings.Builder::region);
        m.put("endpoint", (b, v) -> b.endpoint(v.isEmpty() ? null : toUri(v)));
        m.put("prefix", HakeSettings.Builder::prefix);
        m.put("clientId", HakeSettings.Builder::clientId);
        m.put("createDestinations", (b, v) -> b.createDestinations(toBoolean("createDestinations", v)));
        m.put("accessKeyId", HakeSettings.Builder::accessKeyId);
        m.put("secretAccessKey", HakeSettings.Builder::secretAccessKey);
        m.put("sessionToken", HakeSettings.Builder::sessionToken);
        m.put("receiveBatchSize", (b, v) -> b.receiveBatchSize(toInt("receiveBatchSize", v)));
        m.put("receiveWaitSeconds", (b, v) -> b.receiveWaitSeconds(toInt("receiveWaitSeconds", v)));
        m.put("visibilityTimeoutSeconds", (b, v) -> b.visibilityTimeoutSeconds(toInt("visibilityTimeoutSeconds", v)));
        m.put("listenerThreads", (b, v) -> b.listenerThreads(toInt("listenerThreads", v)));
        m.put("trustedPackages", (b, v) -> b.trustedPackages(
                v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList()));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
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

    private static int toInt(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a whole number, was '" + v + "'");
        }
    }
}
