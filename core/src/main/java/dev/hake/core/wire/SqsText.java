package dev.hake.core.wire;

/**
 * What text SNS and SQS can carry, and how AWS measures it. SQS accepts only the XML 1.0 character
 * range (#x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF) in bodies and String
 * attribute values; SNS raw delivery ends in SQS, so the same rule holds for topics.
 */
final class SqsText {

    private SqsText() {
    }

    /** True when every character of {@code s} may travel as is in an SQS body or String attribute. */
    static boolean isCarriable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a surrogate pair is a code point in #x10000-#x10FFFF
            } else if (!isCarriableChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** A single UTF-16 unit that is allowed on its own; lone surrogates are not. */
    static boolean isCarriableChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** True when {@code s} has no unpaired surrogate, so that UTF-8 can hold it without loss. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of bytes {@code s} takes in UTF-8, which is how AWS counts message size. Exact for
     * well-formed text (all text hake sends is); without building the byte array.
     */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
