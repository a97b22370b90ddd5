package dev.hake.bench.report;

import dev.hake.bench.proxy.RequestCounts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Number and action formatting shared by the tables. */
final class Format {

    /** Short names for the actions the tables list most. */
    static final Map<String, String> SHORT = new LinkedHashMap<>();

    static {
        SHORT.put("SendMessage", "Send");
        SHORT.put("SendMessageBatch", "SendB");
        SHORT.put("Publish", "Pub");
        SHORT.put("PublishBatch", "PubB");
        SHORT.put("ReceiveMessage", "Recv");
        SHORT.put("DeleteMessage", "Del");
        SHORT.put("DeleteMessageBatch", "DelB");
        SHORT.put("ChangeMessageVisibility", "Vis");
        SHORT.put("ChangeMessageVisibilityBatch", "VisB");
        SHORT.put("GetQueueUrl", "GetUrl");
        SHORT.put("GetQueueAttributes", "GetAttrs");
    }

    private Format() {
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : millis < 10 ? fixed(millis, 1) : fixed(millis, 0);
    }

    static String pair(double a, double b) {
        return ms(a) + " / " + ms(b);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Microseconds, with a decimal below 10. */
    static String micros(double micros) {
        return Double.isNaN(micros) ? "-" : micros < 10 ? fixed(micros, 1) : fixed(micros, 0);
    }

    /** Requests per unit by action, largest first: {@code SendB 0.100, Recv 0.105}. */
    static String perUnit(RequestCounts counts, double units) {
        return perUnit(counts.per(units));
    }

    /** Requests per unit (message, call) by action, largest first: {@code SendB 0.100, Recv 0.105}. */
    static String perUnit(Map<String, Double> perUnit) {
        return perUnit.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> SHORT.getOrDefault(e.getKey(), e.getKey()) + " " + fixed(e.getValue(), 3))
                .collect(Collectors.joining(", "));
    }

    /** A spread of figures: {@code 812–1034}. */
    static String range(double lowest, double highest, int decimals) {
        return range(fixed(lowest, decimals), fixed(highest, decimals));
    }

    static String range(String lowest, String highest) {
        return lowest + "–" + highest;
    }

    /**
     * A ratio with two decimals, or two significant digits below 0.1: a receive answered from a
     * buffer in microseconds against one that waits milliseconds for a request is {@code 0.00046}, not 0.00.
     */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0 || Math.abs(value) >= 0.1) {
            return fixed(value, 2);
        }
        return fixed(value, 1 - (int) Math.floor(Math.log10(Math.abs(value))));
    }

    /** Request counts by action, largest first: {@code GetUrl 1000, CreateQueue 2}. */
    static String counts(RequestCounts counts) {
        return counts.byAction().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> SHORT.getOrDefault(e.getKey(), e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String legend() {
        return SHORT.entrySet().stream().map(e -> e.getValue() + "=" + e.getKey()).collect(Collectors.joining(", "));
    }

    static String mib(long bytes) {
        return fixed(bytes / (1024.0 * 1024.0), 1) + " MiB";
    }
}
