package dev.hake.embedded.internal.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The constants and formats of S3's XML and headers. */
final class S3Xml {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /** Timestamps in XML documents: ISO 8601 with milliseconds, as S3 writes them. */
    private static final DateTimeFormatter XML_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Timestamps in headers: RFC 1123 with a two-digit day, which every HTTP date parser takes. */
    private static final DateTimeFormatter HTTP_TIME =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private S3Xml() {
    }

    static String xmlTime(Instant instant) {
        return XML_TIME.format(instant);
    }

    static String httpTime(Instant instant) {
        return HTTP_TIME.format(instant);
    }
}
