package dev.hake.core.wire;

import dev.hake.core.WireDestination;
import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text of the hake attribute: {@code 1;k=v;k=v...}, the format version, then one-letter fields
 * separated by ';'. A field whose value is the JMS default is left out. Values escape '%', ';', ','
 * and every character outside 0x20-0xD7FF / 0xE000-0xFFFD (or a valid surrogate pair) as %XXXX, the
 * UTF-16 unit in hex, so the attribute is always text SQS carries and parses without ambiguity.
 *
 * <p>Reading is strict: an unknown version, an unknown or repeated field, or a value that does not
 * parse is a WireFormatException naming the field, so a message is never decoded into something
 * other than what was sent.
 */
final class HeaderFormat {

    private HeaderFormat() {
    }

    static String write(WireMessage m, HeaderLayout layout) {
        StringBuilder sb = new StringBuilder(64).append(WireAttributes.FORMAT_VERSION);
        if (layout.body() != BodyCode.TEXT) {
            field(sb, 'b', layout.body().code());
        }
        if (m.messageId() != null) {
            field(sb, 'i', escape(m.messageId()));
        }
        if (m.timestamp() != 0) {
            field(sb, 't', Long.toString(m.timestamp()));
        }
        if (m.correlationIdBytes() != null) {
            field(sb, 'C', Base64.getEncoder().encodeToString(m.correlationIdBytes()));
        } else if (m.correlationId() != null) {
            field(sb, 'c', escape(m.correlationId()));
        }
        if (m.destination() != null) {
            field(sb, 'd', destination(m.destination()));
        }
        if (m.replyTo() != null) {
            field(sb, 'r', destination(m.replyTo()));
        }
        if (m.deliveryMode() != WireMessage.PERSISTENT) {
            field(sb, 'm', Integer.toString(m.deliveryMode()));
        }
        if (m.type() != null) {
            field(sb, 'y', escape(m.type()));
        }
        if (m.expiration() != 0) {
            field(sb, 'x', Long.toString(m.expiration()));
        }
        if (m.priority() != WireMessage.DEFAULT_PRIORITY) {
            field(sb, 'p', Integer.toString(m.priority()));
        }
        if (m.deliveryTime() != 0) {
            field(sb, 'w', Long.toString(m.deliveryTime()));
        }
        if (m.origin() != null) {
            field(sb, 'o', escape(m.origin()));
        }
        String traceparent = TraceContext.get(m.properties(), TraceContext.TRACEPARENT);
        if (traceparent != null) {
            field(sb, 'T', escape(traceparent));
        }
        String tracestate = TraceContext.get(m.properties(), TraceContext.TRACESTATE);
        if (tracestate != null) {
            field(sb, 'S', escape(tracestate));
        }
        if (!layout.slots().isEmpty()) {
            List<String> entries = new ArrayList<>(layout.slots().size());
            for (PropertySlot slot : layout.slots()) {
                entries.add(slot.isPacked() ? "*" : slot.type().code() + escape(slot.name()));
            }
            field(sb, 'n', String.join(",", entries));
        }
        return sb.toString();
    }

    /** Sets the JMS headers of {@code target} from {@code text} and returns the layout it describes. */
    static HeaderLayout read(String text, WireMessage target) {
        String[] parts = text.split(";", -1);
        if (!parts[0].equals(WireAttributes.FORMAT_VERSION)) {
            String shown = parts[0].length() > 16 ? parts[0].substring(0, 16) + "..." : parts[0];
            throw new WireFormatException("hake attribute has format version '" + shown + "'; this hake reads version "
                    + WireAttributes.FORMAT_VERSION);
        }
        BodyCode body = BodyCode.TEXT;
        List<PropertySlot> slots = List.of();
        Set<Character> seen = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new WireFormatException("hake attribute: field " + i + " is not of the form k=value");
            }
            char key = part.charAt(0);
            String value = part.substring(2);
            if (!seen.add(key)) {
                throw new WireFormatException("hake attribute: field '" + key + "' appears twice");
            }
            switch (key) {
                case 'b' -> body = bodyCode(value);
                case 'i' -> target.messageId(unescape(value, key));
                case 't' -> target.timestamp(number(value, key));
                case 'c' -> target.correlationId(unescape(value, key));
                case 'C' -> target.correlationIdBytes(base64(value, key));
                case 'd' -> target.destination(destination(value, key));
                case 'r' -> target.replyTo(destination(value, key));
                case 'm' -> target.deliveryMode(intNumber(value, key));
                case 'y' -> target.type(unescape(value, key));
                case 'x' -> target.expiration(number(value, key));
                case 'p' -> target.priority(intNumber(value, key));
                case 'w' -> target.deliveryTime(number(value, key));
                case 'o' -> target.origin(unescape(value, key));
                case 'T' -> target.properties().put(TraceContext.TRACEPARENT, unescape(value, key));
                case 'S' -> target.properties().put(TraceContext.TRACESTATE, unescape(value, key));
                case 'n' -> slots = slots(value);
                default -> throw new WireFormatException("hake attribute: unknown field '" + key + "'");
            }
        }
        if (seen.contains('c') && seen.contains('C')) {
            throw new WireFormatException("hake attribute: fields 'c' and 'C' both give a correlation id");
        }
        return new HeaderLayout(body, slots);
    }

    private static void field(StringBuilder sb, char key, String value) {
        sb.append(';').append(key).append('=').append(value);
    }

    private static BodyCode bodyCode(String value) {
        BodyCode code = BodyCode.ofCode(value);
        if (code == null) {
            throw new WireFormatException("hake attribute: unknown body code in field 'b'");
        }
        return code;
    }

    private static long number(String value, char key) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WireFormatException("hake attribute: field '" + key + "' is not a whole number", e);
        }
    }

    private static int intNumber(String value, char key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new WireFormatException("hake attribute: field '" + key + "' is not a whole number in int range", e);
        }
    }

    private static byte[] base64(String value, char key) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("hake attribute: field '" + key + "' is not base64", e);
        }
    }

    private static String destination(WireDestination d) {
        String kind = switch (d.kind()) {
            case QUEUE -> "q";
            case TOPIC -> "t";
            case TEMPORARY_QUEUE -> "tq";
            case TEMPORARY_TOPIC -> "tt";
        };
        return kind + ":" + escape(d.name());
    }

    private static WireDestination destination(String value, char key) {
        int colon = value.indexOf(':');
        WireDestination.Kind kind = colon < 0 ? null : switch (value.substring(0, colon)) {
            case "q" -> WireDestination.Kind.QUEUE;
            case "t" -> WireDestination.Kind.TOPIC;
            case "tq" -> WireDestination.Kind.TEMPORARY_QUEUE;
            case "tt" -> WireDestination.Kind.TEMPORARY_TOPIC;
            default -> null;
        };
        if (kind == null) {
            throw new WireFormatException("hake attribute: field '" + key + "' is not a destination (q:, t:, tq:, tt:)");
        }
        return new WireDestination(kind, unescape(value.substring(colon + 1), key));
    }

    private static List<PropertySlot> slots(String value) {
        List<PropertySlot> slots = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (entry.equals("*")) {
                slots.add(PropertySlot.PACKED);
                continue;
            }
            PropertyType type = entry.length() < 2 ? null : PropertyType.ofCode(entry.charAt(0)).orElse(null);
            if (type == null) {
                throw new WireFormatException("hake attribute: field 'n' has an entry that is neither '*' nor a type"
                        + " letter and a name");
            }
            slots.add(PropertySlot.nativeAttribute(type, unescape(entry.substring(1), 'n')));
        }
        return slots;
    }

    private static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean plain = pair || (c >= 0x20 && c <= 0xD7FF && c != '%' && c != ';' && c != ',')
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (plain && sb == null) {
                if (pair) {
                    i++;
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (plain) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%04X", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String unescape(String s, char key) {
        int percent = s.indexOf('%');
        if (percent < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, percent);
        for (int i = percent; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            int unit = i + 5 <= s.length() ? hex4(s, i + 1) : -1;
            if (unit < 0) {
                throw new WireFormatException("hake attribute: field '" + key + "' has a bad %XXXX escape");
            }
            sb.append((char) unit);
            i += 4;
        }
        return sb.toString();
    }

    private static int hex4(String s, int from) {
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            char c = s.charAt(i);
            // ASCII only: Character.digit would also take other scripts' digits.
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
