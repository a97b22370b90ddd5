package dev.hake.core.wire;

/**
 * The names and limits of hake's wire format that other parts of core need to know, such as the
 * SNS filter-policy builder. The whole format is described in docs/wire-format.md.
 */
public final class WireAttributes {

    /**
     * The String message attribute every hake message carries: format version, JMS headers, body
     * encoding and the types of the properties sent as native attributes. A message without it is a
     * foreign message and decodes as a TextMessage.
     */
    public static final String HEADER = "hake";

    /**
     * The String message attribute that holds the properties that could not travel as native
     * attributes. It is present exactly when some properties are packed, so a filter policy can let
     * such messages through with {@code {"hake.props": [{"exists": true}]}}.
     */
    public static final String PACKED_PROPERTIES = "hake.props";

    /** The format version written first in the {@link #HEADER} attribute. */
    public static final String FORMAT_VERSION = "1";

    /** SNS and SQS both refuse a message with more message attributes than this. */
    public static final int MAX_ATTRIBUTES = 10;

    /**
     * The Number attribute that marks a message whose body is in S3 ({@link dev.hake.core.PayloadPointer}) and
     * gives the body's size in bytes, as Amazon's SQS and SNS Extended Clients write it.
     */
    public static final String EXTENDED_PAYLOAD_SIZE = "ExtendedPayloadSize";

    /** The name older versions of Amazon's SQS Extended Client gave {@link #EXTENDED_PAYLOAD_SIZE}; read, never written. */
    public static final String LEGACY_PAYLOAD_SIZE = "SQSLargePayloadSize";

    /**
     * Where a received message's body was fetched from, attached in memory once it has been (see
     * {@link WireCodec#withFetchedBody}). The ':' keeps it apart from every name SQS can deliver.
     */
    static final String FETCHED_FROM = "hake:fetched-from";

    private WireAttributes() {
    }

    /**
     * True for names hake keeps for itself: {@code hake} and everything under {@code hake.}. A user
     * property with such a name is always packed so that it cannot be mistaken for hake's own.
     */
    public static boolean isReserved(String attributeName) {
        return attributeName.equals(HEADER) || attributeName.startsWith(HEADER + ".");
    }
}
