package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.Xml;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource, on topics (the only taggable SNS resource here). */
final class TagActions {

    static final int MAX_TAGS = 50;

    private final TopicRegistry registry;

    TagActions(TopicRegistry registry) {
        this.registry = registry;
    }

    void tagResource(FormParameters request, Xml result) {
        String arn = Parameters.required(request, "ResourceArn");
        Map<String, String> tags = Parameters.tags(request);
        existing(arn);
        registry.update(arn, topic -> {
            Topic tagged = topic.withTags(tags);
            if (tagged.tags().size() > MAX_TAGS) {
                throw SnsError.tagLimitExceeded(MAX_TAGS);
            }
            return tagged;
        });
    }

    void untagResource(FormParameters request, Xml result) {
        String arn = Parameters.required(request, "ResourceArn");
        List<String> keys = request.list("TagKeys.member");
        existing(arn);
        registry.update(arn, topic -> topic.withoutTags(keys));
    }

    void listTagsForResource(FormParameters request, Xml result) {
        Topic topic = existing(Parameters.required(request, "ResourceArn"));
        result.open("Tags");
        topic.tags().forEach((key, value) -> result.open("member").element("Key", key).element("Value", value).close("member"));
        result.close("Tags");
    }

    /** Tagging calls answer ResourceNotFound, not NotFound, for a missing topic. */
    private Topic existing(String arn) {
        return registry.find(arn).orElseThrow(SnsError::resourceNotFound);
    }
}
