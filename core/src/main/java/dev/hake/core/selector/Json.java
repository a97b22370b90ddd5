package dev.hake.core.selector;

/** The little JSON writing the filter policy needs. */
final class Json {

    private Json() {
    }

    /** Appends {@code s} as a JSON string, escaping quotes, backslashes and control characters. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
