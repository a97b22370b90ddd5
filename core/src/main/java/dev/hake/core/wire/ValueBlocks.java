package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three binary blocks built from tagged values: a MAP body (count, then name and value pairs), a
 * STREAM body (count, then values) and the packed properties (count, then name and value pairs,
 * values limited to the JMS property types).
 */
final class ValueBlocks {

    private ValueBlocks() {
    }

    static byte[] encodeMap(Map<String, Object> map) {
        ValueWriter w = new ValueWriter().count(map.size());
        map.forEach((name, value) -> w.string(requireName(name, "map")).value(value));
        return w.toByteArray();
    }

    static Map<String, Object> decodeMap(byte[] block) {
        ValueReader r = new ValueReader(block, "MAP body");
        int n = r.count(2);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = r.string();
            if (map.containsKey(name)) {
                throw new WireFormatException("MAP body: name '" + name + "' appears twice");
            }
            map.put(name, r.value());
        }
        r.expectEnd();
        return map;
    }

    static byte[] encodeStream(List<Object> stream) {
        ValueWriter w = new ValueWriter().count(stream.size());
        stream.forEach(w::value);
        return w.toByteArray();
    }

    static List<Object> decodeStream(byte[] block) {
        ValueReader r = new ValueReader(block, "STREAM body");
        int n = r.count(1);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(r.value());
        }
        r.expectEnd();
        return list;
    }

    /** Properties in order; the caller has checked that every value is a property type. */
    static byte[] encodeProperties(List<Map.Entry<String, Object>> properties) {
        ValueWriter w = new ValueWriter().count(properties.size());
        properties.forEach(e -> w.string(e.getKey()).value(e.getValue()));
        return w.toByteArray();
    }

    static List<Map.Entry<String, Object>> decodeProperties(byte[] block) {
        ValueReader r = new ValueReader(block, "attribute " + WireAttributes.PACKED_PROPERTIES);
        int n = r.count(2);
        List<Map.Entry<String, Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = r.string();
            Object value = r.value();
            if (PropertyType.of(value).isEmpty()) {
                throw new WireFormatException("attribute " + WireAttributes.PACKED_PROPERTIES + ": property '" + name
                        + "' has a value of a type properties cannot have: "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            list.add(Map.entry(name, value));
        }
        r.expectEnd();
        return list;
    }

    private static String requireName(String name, String where) {
        if (name == null) {
            throw new WireFormatException("a " + where + " entry has a null name");
        }
        return name;
    }
}
