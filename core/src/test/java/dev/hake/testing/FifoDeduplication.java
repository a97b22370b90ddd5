package dev.hake.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The deduplication ids a FIFO queue or topic has taken in the last five minutes, and what it answered
 * for each: a second send with the same id is answered the same and stored nowhere. Guarded by its
 * owner's lock.
 */
final class FifoDeduplication<T> {

    static final long WINDOW_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private record Taken<T>(T answer, long untilMillis) {
    }

    private final Map<String, Taken<T>> taken = new HashMap<>();

    /** What was answered for {@code id} in the last five minutes, or null. */
    T seen(String id, long nowMillis) {
        taken.values().removeIf(t -> t.untilMillis() < nowMillis);
        Taken<T> t = taken.get(id);
        return t == null ? null : t.answer();
    }

    void remember(String id, T answer, long nowMillis) {
        taken.put(id, new Taken<>(answer, nowMillis + WINDOW_MILLIS));
    }

    /**
     * The deduplication id of a message: the one given, or with content-based deduplication the
     * SHA-256 of the body; null when there is neither (the caller refuses the message).
     */
    static String idOf(String given, String body, boolean contentBased) {
        if (given != null || !contentBased) {
            return given;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
