package dev.hake.embedded.internal;

import java.util.Map;

/**
 * Writes the small XML documents of the SNS Query protocol and the S3 REST API. Elements are
 * written in order; text is escaped, and so are carriage returns and tabs, which XML parsers would
 * otherwise normalise away.
 */
public final class Xml {

    private final StringBuilder out = new StringBuilder(256);

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}, or nothing if the text is null. */
    public Xml element(String name, String text) {
        if (text != null) {
            open(name);
            out.append(escape(text));
            close(name);
        }
        return this;
    }

    /** Escaped text inside the element opened last. */
    public Xml text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Appends what another writer wrote. */
    public Xml raw(Xml other) {
        out.append(other.out);
        return this;
    }

    /** A map the way SNS writes one: {@code <name><entry><key/><value/></entry>...</name>}. */
    public Xml map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((key, value) -> open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\r' -> escaped.append("&#xD;");
                case '\t' -> escaped.append("&#x9;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
