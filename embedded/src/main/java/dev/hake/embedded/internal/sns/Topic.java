package dev.hake.embedded.internal.sns;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic as stored: immutable, replaced as a whole on every change.
 *
 * @param name       topic name
 * @param arn        topic ARN
 * @param fifo       whether it is a FIFO topic (fixed at creation)
 * @param attributes the attributes set on it, by CreateTopic or SetTopicAttributes
 * @param tags       its tags
 */
record Topic(String name, String arn, boolean fifo, Map<String, String> attributes, Map<String, String> tags) {

    Topic {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    boolean contentBasedDeduplication() {
        return "true".equals(attributes.get(TopicAttributes.CONTENT_BASED_DEDUPLICATION));
    }

    Topic withAttribute(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value);
        return new Topic(this.name, arn, fifo, changed, tags);
    }

    Topic withTags(Map<String, String> added) {
        Map<String, String> changed = new LinkedHashMap<>(tags);
        changed.putAll(added);
        return new Topic(name, arn, fifo, attributes, changed);
    }

    Topic withoutTags(Collection<String> keys) {
        Map<String, String> changed = new LinkedHashMap<>(tags);
        changed.keySet().removeAll(keys);
        return new Topic(name, arn, fifo, attributes, changed);
    }
}
