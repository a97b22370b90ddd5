package dev.hake.core.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Exact conversions between Java strings and bytes. The JDK's charset methods replace what they
 * cannot convert (invalid UTF-8, unpaired surrogates) without a word; the wire format must either
 * keep every UTF-16 unit or fail.
 */
final class TextBytes {

    private TextBytes() {
    }

    /** UTF-8 to string, refusing malformed input instead of replacing it. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Every UTF-16 unit as two big-endian bytes, unpaired surrogates included. */
    static byte[] utf16Units(String s) {
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        return b;
    }

    /** The inverse of {@link #utf16Units}; the caller has checked that the length is even. */
    static String fromUtf16Units(byte[] b) {
        char[] chars = new char[b.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }
}
