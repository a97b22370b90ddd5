package dev.hake.core.wire;

import dev.hake.core.BodyKind;

/**
 * How the body of a hake message is written, as named in the {@code b} field of the hake attribute.
 * Every code but {@link #TEXT} puts base64 (or the placeholder {@code -}) in the body.
 */
enum BodyCode {
    /** The text, verbatim. The default: a hake attribute without {@code b} means this. */
    TEXT("T", BodyKind.TEXT, false),
    /** Base64 of the UTF-8 text: empty text and text with characters SQS cannot carry. */
    TEXT_UTF8("U", BodyKind.TEXT, false),
    /** Base64 of the UTF-16BE text: text with unpaired surrogates, which UTF-8 cannot hold. */
    TEXT_UTF16("W", BodyKind.TEXT, false),
    NULL_TEXT("T0", BodyKind.TEXT, true),
    BYTES("B", BodyKind.BYTES, false),
    NULL_BYTES("B0", BodyKind.BYTES, true),
    MAP("M", BodyKind.MAP, false),
    NULL_MAP("M0", BodyKind.MAP, true),
    STREAM("S", BodyKind.STREAM, false),
    NULL_STREAM("S0", BodyKind.STREAM, true),
    OBJECT("O", BodyKind.OBJECT, false),
    NULL_OBJECT("O0", BodyKind.OBJECT, true),
    NONE("N", BodyKind.NONE, true);

    private final String code;
    private final BodyKind kind;
    private final boolean noPayload;

    BodyCode(String code, BodyKind kind, boolean noPayload) {
        this.code = code;
        this.kind = kind;
        this.noPayload = noPayload;
    }

    String code() {
        return code;
    }

    BodyKind kind() {
        return kind;
    }

    /** True when there is nothing to carry: the body is the placeholder. */
    boolean noPayload() {
        return noPayload;
    }

    static BodyCode ofCode(String code) {
        for (BodyCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
