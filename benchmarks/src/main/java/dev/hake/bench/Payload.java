package dev.hake.bench;

/**
 * Message bodies of an exact size that carry their sequence number and send time, so that every
 * client (JMS or SDK) measures end-to-end latency and duplicates the same way. Times are
 * {@link System#nanoTime()}: producers and consumers share this JVM.
 */
public final class Payload {

    private Payload() {
    }

    /** {@code seq|nanoTime|xxx...}, {@code bytes} long (ASCII) unless the header alone is longer. */
    public static String body(int seq, int bytes) {
        String header = seq + "|" + System.nanoTime() + "|";
        StringBuilder b = new StringBuilder(Math.max(bytes, header.length())).append(header);
        while (b.length() < bytes) {
            b.append('x');
        }
        return b.toString();
    }

    public static int seq(String body) {
        return Integer.parseInt(body, 0, body.indexOf('|'), 10);
    }

    public static long sentNanos(String body) {
        int first = body.indexOf('|');
        return Long.parseLong(body, first + 1, body.indexOf('|', first + 1), 10);
    }
}
