package dev.hake.embedded.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of an AWS Query protocol request (a form body or a query string), with that
 * protocol's way of flattening lists and maps: {@code Tags.member.1.Key},
 * {@code Attributes.entry.2.value}, {@code TagKeys.member.3}.
 */
public final class FormParameters {

    private static final FormParameters EMPTY = new FormParameters(Map.of());

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parameters from {@code name=value&...} text, percent-decoded as UTF-8. */
    public static FormParameters parse(String urlEncoded) {
        if (urlEncoded == null || urlEncoded.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : urlEncoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(decode(name), decode(value));
        }
        return new FormParameters(values);
    }

    /** Parameters from a map, for tests and for sub-groups. */
    public static FormParameters of(Map<String, String> values) {
        return new FormParameters(new LinkedHashMap<>(values));
    }

    /** The value of a parameter, if present. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Set<String> names() {
        return values.keySet();
    }

    /**
     * The groups {@code prefix.1.*}, {@code prefix.2.*}, ... in index order, each holding its own
     * parameters with {@code prefix.N.} removed from their names.
     */
    public List<FormParameters> groups(String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d{1,9})\\.(.+)");
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        values.forEach((name, value) -> {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                byIndex.computeIfAbsent(Integer.parseInt(matcher.group(1)), i -> new LinkedHashMap<>())
                        .put(matcher.group(2), value);
            }
        });
        List<FormParameters> groups = new ArrayList<>();
        byIndex.values().forEach(group -> groups.add(new FormParameters(group)));
        return groups;
    }

    /** The values {@code prefix.1}, {@code prefix.2}, ... in index order. */
    public List<String> list(String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d{1,9})");
        Map<Integer, String> byIndex = new TreeMap<>();
        values.forEach((name, value) -> {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                byIndex.put(Integer.parseInt(matcher.group(1)), value);
            }
        });
        return List.copyOf(byIndex.values());
    }

    /** The map flattened as {@code prefix.entry.N.key} / {@code prefix.entry.N.value}. */
    public Map<String, String> map(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FormParameters entry : groups(prefix + ".entry")) {
            entry.get("key").ifPresent(key -> map.put(key, entry.get("value").orElse("")));
        }
        return map;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Names only: values can hold message bodies.
        return "FormParameters" + values.keySet();
    }
}
