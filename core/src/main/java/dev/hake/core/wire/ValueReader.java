package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import java.nio.charset.CharacterCodingException;

/**
 * Reads what {@link ValueWriter} wrote. Every inconsistency (unknown tag, a length past the end,
 * invalid UTF-8, bytes left over) is a WireFormatException naming {@code what} is being read, never
 * a silently different value.
 */
final class ValueReader {

    private final byte[] data;
    private final String what;
    private int pos;

    ValueReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    Object value() {
        int tag = u8();
        return switch (tag) {
            case ValueTag.NULL -> null;
            case ValueTag.BOOLEAN -> bool();
            case ValueTag.BYTE -> (byte) u8();
            case ValueTag.SHORT -> (short) fixed(2);
            case ValueTag.CHAR -> (char) fixed(2);
            case ValueTag.INT -> (int) fixed(4);
            case ValueTag.LONG -> fixed(8);
            case ValueTag.FLOAT -> Float.intBitsToFloat((int) fixed(4));
            case ValueTag.DOUBLE -> Double.longBitsToDouble(fixed(8));
            case ValueTag.STRING_UTF8, ValueTag.STRING_UTF16 -> stringAfterTag(tag);
            case ValueTag.BYTES -> bytes(count());
            default -> throw error("unknown value tag " + tag + " at byte " + (pos - 1));
        };
    }

    /** A value that must be a string, such as a map key or property name. */
    String string() {
        int tag = u8();
        if (tag != ValueTag.STRING_UTF8 && tag != ValueTag.STRING_UTF16) {
            throw error("expected a string at byte " + (pos - 1) + " but found tag " + tag);
        }
        return stringAfterTag(tag);
    }

    /**
     * A count of items that follow; each takes at least {@code minBytesEach}, which bounds it by the
     * bytes left so that a corrupt count cannot make us allocate gigabytes.
     */
    int count(int minBytesEach) {
        int n = count();
        if ((long) n * minBytesEach > remaining()) {
            throw error("count " + n + " at byte " + pos + " is more than the " + remaining() + " bytes left hold");
        }
        return n;
    }

    void expectEnd() {
        if (pos != data.length) {
            throw error((data.length - pos) + " unexpected bytes after the end");
        }
    }

    private String stringAfterTag(int tag) {
        if (tag == ValueTag.STRING_UTF8) {
            int length = count();
            byte[] utf8 = bytes(length);
            try {
                return TextBytes.strictUtf8(utf8);
            } catch (CharacterCodingException e) {
                throw new WireFormatException("invalid UTF-8 string in " + what, e);
            }
        }
        int units = count(2);
        return TextBytes.fromUtf16Units(bytes(units * 2));
    }

    private boolean bool() {
        int b = u8();
        if (b > 1) {
            throw error("boolean byte " + b + " is neither 0 nor 1");
        }
        return b == 1;
    }

    private int count() {
        long n = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28) {
                throw error("varint at byte " + pos + " is too long");
            }
            int b = u8();
            n |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (n > Integer.MAX_VALUE) {
            throw error("count " + n + " is too large");
        }
        return (int) n;
    }

    private byte[] bytes(int length) {
        if (length > remaining()) {
            throw error("length " + length + " at byte " + pos + " runs past the end");
        }
        byte[] b = new byte[length];
        System.arraycopy(data, pos, b, 0, length);
        pos += length;
        return b;
    }

    private long fixed(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | u8();
        }
        // Sign-extend so that (short), (int) casts see the value that was written.
        int unused = 64 - bytes * 8;
        return unused == 0 ? v : (v << unused) >> unused;
    }

    private int u8() {
        if (pos >= data.length) {
            throw error("ends early at byte " + pos);
        }
        return data[pos++] & 0xFF;
    }

    private int remaining() {
        return data.length - pos;
    }

    private WireFormatException error(String detail) {
        return new WireFormatException(what + ": " + detail);
    }
}
