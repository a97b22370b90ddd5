package dev.hake.core.wire;

import static dev.hake.core.wire.WireTestSupport.CODEC;
import static dev.hake.core.wire.WireTestSupport.assertSameMessage;
import static dev.hake.core.wire.WireTestSupport.assertWireLegal;
import static dev.hake.core.wire.WireTestSupport.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thousands of random messages, biased towards edge values, each sent through encode, SQS and decode. */
class RandomRoundTripTest {

    private static final long SEED = 20_240_917L;
    private static final int MESSAGES = 4_000;

    @Test
    void randomMessagesRoundTrip() {
        Random random = new Random(SEED);
        for (int i = 0; i < MESSAGES; i++) {
            WireMessage sent = new Generator(random).message();
            EncodedMessage encoded = CODEC.encode(sent);
            String context = "message " + i + " of seed " + SEED;

            assertWireLegal(encoded);
            assertThat(encoded.sizeBytes()).as(context + ": size").isEqualTo(MessageSizeTest.awsSize(encoded));
            long natives = encoded.attributes().keySet().stream().filter(n -> !WireAttributes.isReserved(n)).count();
            assertThat(encoded.attributes().containsKey(WireAttributes.PACKED_PROPERTIES))
                    .as(context + ": hake.props present exactly when some properties are not native")
                    .isEqualTo(natives < sent.properties().size());
            WireMessage received = CODEC.decode(deliver(encoded, 1 + i % 5), WireTestSupport.consumedFrom(sent));
            try {
                assertSameMessage(received, sent);
            } catch (AssertionError e) {
                throw new AssertionError(context + ": " + e.getMessage(), e);
            }
            assertThat(received.deliveryCount()).isEqualTo(1 + i % 5);
        }
    }

    /** Builds random messages; edge values come up often because that is where codecs break. */
    private static final class Generator {
        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        WireMessage message() {
            BodyKind kind = BodyKind.values()[r.nextInt(BodyKind.values().length)];
            WireMessage m = new WireMessage(kind);
            switch (kind) {
                case TEXT -> m.text(r.nextInt(10) == 0 ? null : string(r.nextInt(5) == 0 ? 2_000 : 40));
                case BYTES, OBJECT -> m.bytes(r.nextInt(10) == 0 ? null : bytes(r.nextInt(3) == 0 ? 0 : r.nextInt(500)));
                case MAP -> m.map(r.nextInt(10) == 0 ? null : map());
                case STREAM -> m.stream(r.nextInt(10) == 0 ? null : stream());
                case NONE -> { }
            }
            if (r.nextBoolean()) {
                m.messageId(r.nextInt(8) == 0 ? string(20) : "ID:" + new java.util.UUID(r.nextLong(), r.nextLong()));
            }
            if (r.nextBoolean()) {
                m.timestamp(r.nextInt(10) == 0 ? r.nextLong() : 1_700_000_000_000L + r.nextInt(1_000_000));
            }
            switch (r.nextInt(3)) {
                case 0 -> m.correlationId(string(30));
                case 1 -> m.correlationIdBytes(bytes(r.nextInt(20)));
                default -> { }
            }
            if (r.nextInt(4) != 0) {
                m.destination(destination());
            }
            if (r.nextBoolean()) {
                m.replyTo(destination());
            }
            m.deliveryMode(r.nextBoolean() ? WireMessage.PERSISTENT : WireMessage.NON_PERSISTENT);
            if (r.nextBoolean()) {
                m.type(string(15));
            }
            m.expiration(r.nextBoolean() ? 0 : r.nextLong());
            m.priority(r.nextInt(10));
            m.deliveryTime(r.nextBoolean() ? 0 : r.nextLong());
            int count = switch (r.nextInt(5)) {
                case 0 -> 0;
                case 1 -> 9;
                case 2 -> r.nextInt(12);
                default -> r.nextInt(45);
            };
            for (int i = 0; i < count; i++) {
                m.properties().put(propertyName(i), propertyValue());
            }
            return m;
        }

        private WireDestination destination() {
            WireDestination.Kind kind = WireDestination.Kind.values()[r.nextInt(4)];
            return new WireDestination(kind, r.nextInt(5) == 0 ? string(12) : "dest-" + r.nextInt(100));
        }

        /** Mostly names AWS takes, sometimes ones it refuses or hake reserves; unique by their index. */
        private String propertyName(int index) {
            return switch (r.nextInt(12)) {
                case 0 -> "bad name " + index;
                case 1 -> "AWS.p" + index;
                case 2 -> "hake.p" + index;
                case 3 -> string(6) + "#" + index;
                default -> "p" + index;
            };
        }

        Object propertyValue() {
            return switch (r.nextInt(8)) {
                case 0 -> string(r.nextInt(4) == 0 ? 0 : 20);
                case 1 -> r.nextBoolean();
                case 2 -> (byte) r.nextInt();
                case 3 -> (short) r.nextInt();
                case 4 -> r.nextBoolean() ? r.nextInt(2_000_000_001) - 1_000_000_000 : r.nextInt();
                case 5 -> r.nextBoolean() ? (long) r.nextInt(2_000_000) - 1_000_000 : r.nextLong();
                case 6 -> floatValue();
                default -> doubleValue();
            };
        }

        private float floatValue() {
            return switch (r.nextInt(6)) {
                case 0 -> new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
                        Float.MIN_VALUE, Float.MAX_VALUE}[r.nextInt(7)];
                case 1 -> Float.intBitsToFloat(r.nextInt());
                case 2 -> r.nextInt(1000) / 4.0f;
                default -> (r.nextFloat() - 0.5f) * 1000;
            };
        }

        private double doubleValue() {
            return switch (r.nextInt(6)) {
                case 0 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, 1e9, -1e9, 1e9 + 0.5}[r.nextInt(10)];
                case 1 -> Double.longBitsToDouble(r.nextLong());
                case 2 -> r.nextInt(100_000_000) / 100_000.0;
                default -> (r.nextDouble() - 0.5) * 1e6;
            };
        }

        private Map<String, Object> map() {
            Map<String, Object> map = new LinkedHashMap<>();
            int n = r.nextInt(15);
            for (int i = 0; i < n; i++) {
                map.put(r.nextInt(4) == 0 ? string(5) : "k" + i, bodyValue());
            }
            return map;
        }

        private List<Object> stream() {
            List<Object> list = new ArrayList<>();
            int n = r.nextInt(15);
            for (int i = 0; i < n; i++) {
                list.add(bodyValue());
            }
            return list;
        }

        private Object bodyValue() {
            return switch (r.nextInt(5)) {
                case 0 -> null;
                case 1 -> (char) r.nextInt(0x10000);
                case 2 -> bytes(r.nextInt(30));
                default -> propertyValue();
            };
        }

        private byte[] bytes(int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }

        /**
         * Mostly text SQS carries, with some of everything else: control characters, U+FFFE/U+FFFF,
         * unpaired surrogates, supplementary characters and the escape characters of the hake attribute.
         */
        String string(int maxLength) {
            int n = maxLength == 0 ? 0 : r.nextInt(maxLength + 1);
            StringBuilder sb = new StringBuilder(n);
            boolean plain = r.nextInt(3) != 0;
            for (int i = 0; i < n; i++) {
                if (plain) {
                    sb.append((char) (' ' + r.nextInt(95)));
                    continue;
                }
                switch (r.nextInt(8)) {
                    case 0 -> sb.append((char) r.nextInt(0x20));
                    case 1 -> sb.append(r.nextBoolean() ? '\uFFFE' : '\uFFFF');
                    case 2 -> sb.append((char) (0xD800 + r.nextInt(0x800)));
                    case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                    case 4 -> sb.append(";%,=:*".charAt(r.nextInt(6)));
                    case 5 -> sb.append((char) r.nextInt(0x10000));
                    default -> sb.append((char) (' ' + r.nextInt(95)));
                }
            }
            return sb.toString();
        }
    }
}
