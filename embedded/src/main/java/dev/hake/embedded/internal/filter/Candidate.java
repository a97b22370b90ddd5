package dev.hake.embedded.internal.filter;

import dev.hake.embedded.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One value a condition is tested against: text, or a number. A String attribute gives one text
 * candidate, a Number attribute one number, a String.Array one candidate per element.
 *
 * @param text   the value as text, or null if it is a number
 * @param number the value as a number, or null if it is text
 */
record Candidate(String text, BigDecimal number) {

    static List<Candidate> of(FilterAttribute attribute) {
        return switch (attribute.type()) {
            case STRING -> List.of(new Candidate(attribute.value(), null));
            case NUMBER -> numberOf(attribute.value());
            case STRING_ARRAY -> elementsOf(attribute.value());
        };
    }

    private static List<Candidate> numberOf(String text) {
        try {
            return List.of(new Candidate(null, new BigDecimal(text.trim())));
        } catch (NumberFormatException notANumber) {
            // Publish refuses such values; should one slip through, it matches nothing.
            return List.of();
        }
    }

    private static List<Candidate> elementsOf(String jsonArray) {
        Object parsed;
        try {
            parsed = Json.parse(jsonArray);
        } catch (IllegalArgumentException notJson) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        if (parsed instanceof List<?> elements) {
            for (Object element : elements) {
                if (element instanceof String text) {
                    candidates.add(new Candidate(text, null));
                } else if (element instanceof BigDecimal number) {
                    candidates.add(new Candidate(null, number));
                }
            }
        }
        return candidates;
    }
}
