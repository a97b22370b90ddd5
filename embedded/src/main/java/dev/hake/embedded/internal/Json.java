package dev.hake.embedded.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * JSON to and from plain Java values: objects are {@code Map<String, Object>} (in document order),
 * arrays {@code List<Object>}, numbers {@link BigDecimal} (exact, as filter policies need),
 * strings, booleans and {@code null}.
 *
 * <p>Backed by the JSON reader and writer that the AWS SDK already carries, so this module adds
 * no JSON library of its own to its users' classpath. Only this class touches them.
 */
public final class Json {

    private static final JsonNodeParser PARSER = JsonNodeParser.create();

    private Json() {
    }

    /**
     * Parses a JSON document.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static Object parse(String text) {
        try {
            return toJava(PARSER.parse(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + rootMessage(e), e);
        }
    }

    /** Parses a JSON document given as UTF-8 bytes. */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Writes plain Java values (as described above) as compact JSON. */
    public static String write(Object value) {
        JsonWriter writer = JsonWriter.create();
        write(writer, value);
        return new String(writer.getBytes(), StandardCharsets.UTF_8);
    }

    private static void write(JsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeValue(text);
        } else if (value instanceof Boolean flag) {
            writer.writeValue(flag);
        } else if (value instanceof BigDecimal number) {
            writer.writeNumber(number.toString());
        } else if (value instanceof Number number) {
            writer.writeNumber(number.toString());
        } else if (value instanceof Map<?, ?> map) {
            writer.writeStartObject();
            map.forEach((key, member) -> {
                writer.writeFieldName(String.valueOf(key));
                write(writer, member);
            });
            writer.writeEndObject();
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            list.forEach(element -> write(writer, element));
            writer.writeEndArray();
        } else {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((key, member) -> map.put(key, toJava(member)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }
}
