package dev.hake.core.wire;

import dev.hake.core.WireFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which properties travel as native attributes and which are packed.
 *
 * <p>SNS and SQS allow {@value WireAttributes#MAX_ATTRIBUTES} attributes and hake's own takes one.
 * If every property can go native and there are at most nine, all do. Otherwise the packed block
 * needs an attribute too, and the first eight properties (in the order they were set) that can go
 * native do; the rest are packed. Earlier properties win because that order is the only preference
 * a producer expresses.
 */
record PropertyPlacement(List<PropertySlot> slots, Map<String, EncodedAttribute> nativeAttributes,
        List<Map.Entry<String, Object>> packed) {

    static PropertyPlacement of(Map<String, Object> properties) {
        return of(properties, 0);
    }

    /** As {@link #of(Map)}, leaving {@code reserved} attributes free for something else (a body in S3 needs one). */
    static PropertyPlacement of(Map<String, Object> properties, int reserved) {
        int maxAttributes = WireAttributes.MAX_ATTRIBUTES - reserved;
        List<Map.Entry<String, Object>> entries = new ArrayList<>(properties.size());
        List<EncodedAttribute> candidates = new ArrayList<>(properties.size());
        int eligible = 0;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String name = checkName(e.getKey());
            Object value = e.getValue();
            if (TraceContext.isTraceContext(name, value)) {
                continue; // in hake's own attribute (see HeaderFormat), never in a property slot
            }
            if (PropertyType.of(value).isEmpty()) {
                throw new WireFormatException("property '" + name + "' has a value of type "
                        + (value == null ? "null" : value.getClass().getName()) + ", which a JMS property cannot have");
            }
            EncodedAttribute candidate = NativeProperties.toAttribute(name, value).orElse(null);
            eligible += candidate == null ? 0 : 1;
            entries.add(Map.entry(name, value));
            candidates.add(candidate);
        }
        boolean allFit = eligible == entries.size() && entries.size() <= maxAttributes - 1;
        int room = allFit ? entries.size() : maxAttributes - 2;

        List<PropertySlot> slots = new ArrayList<>(entries.size());
        Map<String, EncodedAttribute> natives = new LinkedHashMap<>();
        List<Map.Entry<String, Object>> packed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, Object> e = entries.get(i);
            EncodedAttribute candidate = candidates.get(i);
            if (candidate != null && natives.size() < room) {
                natives.put(e.getKey(), candidate);
                slots.add(PropertySlot.nativeAttribute(PropertyType.of(e.getValue()).orElseThrow(), e.getKey()));
            } else {
                packed.add(e);
                slots.add(PropertySlot.PACKED);
            }
        }
        return new PropertyPlacement(slots, natives, packed);
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new WireFormatException("a property has a null name");
        }
        return name;
    }
}
