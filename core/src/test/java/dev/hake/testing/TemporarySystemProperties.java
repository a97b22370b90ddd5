package dev.hake.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** System properties set for the length of a try block, and put back as they were when it ends. */
public final class TemporarySystemProperties implements AutoCloseable {

    private final Map<String, String> before = new LinkedHashMap<>();

    private TemporarySystemProperties() {
    }

    /** Sets name/value pairs: {@code set("aws.region", "eu-west-1", ...)}. */
    public static TemporarySystemProperties set(String... namesAndValues) {
        TemporarySystemProperties properties = new TemporarySystemProperties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.before.putIfAbsent(namesAndValues[i], System.getProperty(namesAndValues[i]));
            System.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Override
    public void close() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
