package dev.hake.core;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a large message's body is kept in S3, and the message body that says so: the JSON of
 * Amazon's payload-offloading library, which its SQS and SNS Extended Clients write and read,
 * {@code ["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"b","s3Key":"k"}]}.
 */
public record PayloadPointer(String bucket, String key) {

    /** The class name Amazon's library writes first in a pointer body. */
    static final String POINTER_CLASS = "software.amazon.payloadoffloading.PayloadS3Pointer";
    private static final Pattern BODY = Pattern.compile("\\s*\\[\\s*\"" + Pattern.quote(POINTER_CLASS)
            + "\"\\s*,\\s*\\{(.*)}\\s*]\\s*", Pattern.DOTALL);
    private static final String JSON_STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern BUCKET = Pattern.compile("\"s3BucketName\"\\s*:\\s*" + JSON_STRING);
    private static final Pattern KEY = Pattern.compile("\"s3Key\"\\s*:\\s*" + JSON_STRING);
    /** Longer bodies are never pointers: bucket names take 63 characters, keys 1024. */
    private static final int MAX_POINTER_LENGTH = 4_096;

    /** A pointer to a new object in {@code bucket}, named as Amazon's extended clients name theirs: a random UUID. */
    public static PayloadPointer newIn(String bucket) {
        return new PayloadPointer(bucket, UUID.randomUUID().toString());
    }

    /** The message body that carries this pointer. */
    public String toBody() {
        return "[\"" + POINTER_CLASS + "\",{\"s3BucketName\":\"" + escape(bucket) + "\",\"s3Key\":\"" + escape(key)
                + "\"}]";
    }

    /** The pointer {@code body} holds, if it is one. */
    public static Optional<PayloadPointer> parse(String body) {
        if (body == null || body.length() > MAX_POINTER_LENGTH) {
            return Optional.empty();
        }
        Matcher whole = BODY.matcher(body);
        if (!whole.matches()) {
            return Optional.empty();
        }
        Matcher bucket = BUCKET.matcher(whole.group(1));
        Matcher key = KEY.matcher(whole.group(1));
        if (!bucket.find() || !key.find()) {
            return Optional.empty();
        }
        return Optional.of(new PayloadPointer(unescape(bucket.group(1)), unescape(key.group(1))));
    }

    /** {@code s3://bucket/key}, for messages and logs. */
    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException("a truncated \\u escape in an S3 pointer");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next); // \" \\ \/
            }
        }
        return out.toString();
    }
}
