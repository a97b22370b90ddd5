package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns a message body into the SNS/SQS body string and back. Text that SQS can carry goes
 * verbatim; everything else is base64. SNS and SQS refuse an empty body, so a body with nothing to
 * carry (no body, null, empty) is the placeholder {@value #PLACEHOLDER}, which is not base64.
 */
final class BodyCodec {

    static final String PLACEHOLDER = "-";

    /** A body as sent, and the code that tells the receiver how to read it. */
    record EncodedBody(BodyCode code, String body) {
    }

    private BodyCodec() {
    }

    static EncodedBody encode(WireMessage m) {
        return switch (m.bodyKind()) {
            case NONE -> new EncodedBody(BodyCode.NONE, PLACEHOLDER);
            case TEXT -> text(m.text());
            case BYTES -> m.bytes() == null ? placeholder(BodyCode.NULL_BYTES) : binary(BodyCode.BYTES, m.bytes());
            case OBJECT -> m.bytes() == null ? placeholder(BodyCode.NULL_OBJECT) : binary(BodyCode.OBJECT, m.bytes());
            case MAP -> m.map() == null ? placeholder(BodyCode.NULL_MAP)
                    : binary(BodyCode.MAP, ValueBlocks.encodeMap(m.map()));
            case STREAM -> m.stream() == null ? placeholder(BodyCode.NULL_STREAM)
                    : binary(BodyCode.STREAM, ValueBlocks.encodeStream(m.stream()));
        };
    }

    private static EncodedBody text(String text) {
        if (text == null) {
            return placeholder(BodyCode.NULL_TEXT);
        }
        if (!text.isEmpty() && SqsText.isCarriable(text)) {
            return new EncodedBody(BodyCode.TEXT, text);
        }
        if (SqsText.isWellFormed(text)) {
            return binary(BodyCode.TEXT_UTF8, text.getBytes(StandardCharsets.UTF_8));
        }
        return binary(BodyCode.TEXT_UTF16, TextBytes.utf16Units(text));
    }

    private static EncodedBody placeholder(BodyCode code) {
        return new EncodedBody(code, PLACEHOLDER);
    }

    private static EncodedBody binary(BodyCode code, byte[] payload) {
        return new EncodedBody(code, payload.length == 0 ? PLACEHOLDER : Base64.getEncoder().encodeToString(payload));
    }

    /** Sets the body kind and body of {@code target} from what arrived. */
    static void decode(BodyCode code, String body, WireMessage target) {
        target.bodyKind(code.kind());
        if (code == BodyCode.TEXT) {
            target.text(body);
            return;
        }
        if (code.noPayload()) {
            return; // the setters' defaults are null
        }
        byte[] payload = payload(code, body);
        switch (code) {
            case TEXT_UTF8 -> target.text(utf8(payload));
            case TEXT_UTF16 -> target.text(utf16(payload));
            case BYTES, OBJECT -> target.bytes(payload);
            case MAP -> target.map(ValueBlocks.decodeMap(payload));
            case STREAM -> target.stream(ValueBlocks.decodeStream(payload));
            default -> throw new IllegalStateException("body code " + code + " has no payload");
        }
    }

    private static byte[] payload(BodyCode code, String body) {
        if (body == null) {
            throw new WireFormatException("message has no body; its hake attribute says " + code.code());
        }
        if (body.equals(PLACEHOLDER)) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("body is not base64, but its hake attribute says body code " + code.code(), e);
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return TextBytes.strictUtf8(payload);
        } catch (CharacterCodingException e) {
            throw new WireFormatException("body is not valid UTF-8, but its hake attribute says body code "
                    + BodyCode.TEXT_UTF8.code(), e);
        }
    }

    private static String utf16(byte[] payload) {
        if (payload.length % 2 != 0) {
            throw new WireFormatException("body has an odd number of bytes, but its hake attribute says UTF-16 text");
        }
        return TextBytes.fromUtf16Units(payload);
    }
}
