package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes hake's tagged binary values (see {@link ValueTag}). Counts and lengths are unsigned
 * LEB128 varints because most of them are small and every byte is paid for again by base64.
 */
final class ValueWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Writes any value a MAP or STREAM body may hold; anything else is a WireFormatException. */
    ValueWriter value(Object v) {
        if (v == null) {
            out.write(ValueTag.NULL);
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.write(ValueTag.BOOLEAN);
            out.write(b ? 1 : 0);
        } else if (v instanceof Byte b) {
            out.write(ValueTag.BYTE);
            out.write(b);
        } else if (v instanceof Short s) {
            out.write(ValueTag.SHORT);
            fixed(s, 2);
        } else if (v instanceof Character c) {
            out.write(ValueTag.CHAR);
            fixed(c, 2);
        } else if (v instanceof Integer i) {
            out.write(ValueTag.INT);
            fixed(i, 4);
        } else if (v instanceof Long l) {
            out.write(ValueTag.LONG);
            fixed(l, 8);
        } else if (v instanceof Float f) {
            out.write(ValueTag.FLOAT);
            fixed(Float.floatToRawIntBits(f), 4);
        } else if (v instanceof Double d) {
            out.write(ValueTag.DOUBLE);
            fixed(Double.doubleToRawLongBits(d), 8);
        } else if (v instanceof byte[] bytes) {
            out.write(ValueTag.BYTES);
            count(bytes.length);
            out.writeBytes(bytes);
        } else {
            throw new WireFormatException("hake cannot carry a value of type " + v.getClass().getName());
        }
        return this;
    }

    /** Writes a string, as UTF-8 when that is lossless and as UTF-16 units when it is not. */
    ValueWriter string(String s) {
        if (SqsText.isWellFormed(s)) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.write(ValueTag.STRING_UTF8);
            count(utf8.length);
            out.writeBytes(utf8);
        } else {
            out.write(ValueTag.STRING_UTF16);
            count(s.length());
            out.writeBytes(TextBytes.utf16Units(s));
        }
        return this;
    }

    /** An unsigned LEB128 varint: seven bits a byte, low bits first, high bit set on all but the last. */
    ValueWriter count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        while (n >= 0x80) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        return this;
    }

    private void fixed(long v, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
