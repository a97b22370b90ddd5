package dev.hake.core.wire;

import java.util.List;

/** What the hake attribute says about the message's layout, beside its JMS headers. */
record HeaderLayout(BodyCode body, List<PropertySlot> slots) {

    HeaderLayout {
        slots = List.copyOf(slots);
    }

    long packedCount() {
        return slots.stream().filter(PropertySlot::isPacked).count();
    }
}
