package dev.hake.tck;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs a test class's methods in the order they are written. The TCK was written for the JavaTest
 * harness, which ran each class's tests in that order; some tests rely on it: in TxTopicTestsIT,
 * an earlier test leaves a durable subscription behind, and a later one, in source order, finds in
 * it only messages with the text it expects. Under JUnit's default order another test publishes
 * different text in between, and the later test fails on any provider.
 *
 * <p>javac writes methods to the class file in source order, so this reads the method table of the
 * class file; the JDK 17 has no class-file API, hence the small parser.
 */
public final class SourceOrder implements MethodOrderer {

    @Override
    public void orderMethods(MethodOrdererContext context) {
        Map<String, Integer> positions = methodPositions(context.getTestClass());
        context.getMethodDescriptors().sort(Comparator.comparingInt(
                d -> positions.getOrDefault(d.getMethod().getName(), Integer.MAX_VALUE)));
    }

    /** Method name to its place in the class file (the first, for overloaded names). */
    static Map<String, Integer> methodPositions(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream raw = type.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                return Map.of();
            }
            return readMethodTable(new DataInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, Integer> readMethodTable(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int poolSize = in.readUnsignedShort();
        String[] utf8 = new String[poolSize];
        for (int i = 1; i < poolSize; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two slots
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipNBytes(6); // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access flags
            positions.putIfAbsent(utf8[in.readUnsignedShort()], i);
            in.readUnsignedShort(); // descriptor
            skipAttributes(in);
        }
        return positions;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
