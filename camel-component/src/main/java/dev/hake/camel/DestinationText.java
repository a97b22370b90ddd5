package dev.hake.camel;

import dev.hake.core.WireDestination;

/**
 * Destinations in header form: {@code queue:NAME}, {@code topic:NAME}, {@code temp-queue:NAME},
 * {@code temp-topic:NAME} (the endpoint path without {@code hake:}, so that a reply can be sent
 * with {@code toD("hake:${header.HakeReplyTo}")}).
 */
final class DestinationText {

    private DestinationText() {
    }

    static String format(WireDestination d) {
        if (d == null) {
            return null;
        }
        String kind = switch (d.kind()) {
            case QUEUE -> "queue";
            case TOPIC -> "topic";
            case TEMPORARY_QUEUE -> "temp-queue";
            case TEMPORARY_TOPIC -> "temp-topic";
        };
        return kind + ":" + d.name();
    }

    /** Parses a header value; a bare name is a queue, and a leading {@code hake:} is allowed. */
    static WireDestination parse(String text) {
        String s = text.startsWith("hake:") ? text.substring("hake:".length()) : text;
        int colon = s.indexOf(':');
        String kind = colon < 0 ? "queue" : s.substring(0, colon);
        String name = colon < 0 ? s : s.substring(colon + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("destination '" + text + "' has no name");
        }
        return switch (kind) {
            case "queue" -> WireDestination.queue(name);
            case "topic" -> WireDestination.topic(name);
            case "temp-queue" -> new WireDestination(WireDestination.Kind.TEMPORARY_QUEUE, name);
            case "temp-topic" -> new WireDestination(WireDestination.Kind.TEMPORARY_TOPIC, name);
            default -> throw new IllegalArgumentException("destination '" + text
                    + "' is not queue:NAME, topic:NAME, temp-queue:NAME or temp-topic:NAME");
        };
    }
}
