package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.FrontResponse;
import dev.hake.embedded.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SNS Query API (version 2010-03-31): dispatches each action and writes its XML answer, or
 * the ErrorResponse whose code and status the SDK maps to a typed exception.
 */
public final class SnsFront {

    private static final Logger LOG = LoggerFactory.getLogger(SnsFront.class);

    static final String API_VERSION = "2010-03-31";
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** SNS actions not offered here; recognising them gives a clear InvalidAction, not an SQS error. */
    private static final Set<String> OTHER_SNS_ACTIONS = Set.of(
            "AddPermission", "RemovePermission", "ConfirmSubscription", "CheckIfPhoneNumberIsOptedOut",
            "CreatePlatformApplication", "CreatePlatformEndpoint", "DeleteEndpoint", "DeletePlatformApplication",
            "GetDataProtectionPolicy", "PutDataProtectionPolicy", "GetEndpointAttributes", "SetEndpointAttributes",
            "GetPlatformApplicationAttributes", "SetPlatformApplicationAttributes", "GetSMSAttributes",
            "SetSMSAttributes", "ListPlatformApplications", "ListEndpointsByPlatformApplication",
            "ListPhoneNumbersOptedOut", "OptInPhoneNumber", "ListOriginationNumbers");

    private final Map<String, SnsAction> actions;

    /**
     * @param fanOutClient  the SQS client that delivers to subscribed queues
     * @param fanOutThreads where published messages are delivered to the subscribed queues, after
     *                      Publish has answered
     */
    public SnsFront(SnsSettings settings, Supplier<SqsClient> fanOutClient, Executor fanOutThreads) {
        TopicRegistry registry = new TopicRegistry();
        Arns arns = new Arns(settings.region(), settings.accountId());
        TopicActions topics = new TopicActions(registry, arns, settings.accountId());
        SubscriptionActions subscriptions = new SubscriptionActions(registry, arns, settings.accountId());
        SqsDelivery delivery = new SqsDelivery(fanOutClient, settings.endpoint(), settings.accountId());
        FanOut fanOut = new FanOut(registry, new DeliveryLanes(delivery::deliver, fanOutThreads));
        PublishActions publishing =
                new PublishActions(registry, new NotificationFactory(registry, Clock.systemUTC()), fanOut);
        TagActions tags = new TagActions(registry);
        this.actions = Map.ofEntries(
                Map.entry("CreateTopic", topics::createTopic),
                Map.entry("DeleteTopic", topics::deleteTopic),
                Map.entry("ListTopics", topics::listTopics),
                Map.entry("GetTopicAttributes", topics::getTopicAttributes),
                Map.entry("SetTopicAttributes", topics::setTopicAttributes),
                Map.entry("Subscribe", subscriptions::subscribe),
                Map.entry("Unsubscribe", subscriptions::unsubscribe),
                Map.entry("ListSubscriptions", subscriptions::listSubscriptions),
                Map.entry("ListSubscriptionsByTopic", subscriptions::listSubscriptionsByTopic),
                Map.entry("GetSubscriptionAttributes", subscriptions::getSubscriptionAttributes),
                Map.entry("SetSubscriptionAttributes", subscriptions::setSubscriptionAttributes),
                Map.entry("Publish", publishing::publish),
                Map.entry("PublishBatch", publishing::publishBatch),
                Map.entry("TagResource", tags::tagResource),
                Map.entry("UntagResource", tags::untagResource),
                Map.entry("ListTagsForResource", tags::listTagsForResource));
    }

    /** Whether a Query request is meant for SNS: by its API version, or failing that its action. */
    public boolean accepts(FormParameters request) {
        String action = request.get("Action").orElse("");
        return request.get("Version").map(API_VERSION::equals).orElse(false)
                || actions.containsKey(action) || OTHER_SNS_ACTIONS.contains(action);
    }

    public FrontResponse handle(FormParameters request) {
        String requestId = UUID.randomUUID().toString();
        String action = request.get("Action").orElse("");
        try {
            SnsAction handler = actions.get(action);
            if (handler == null) {
                throw SnsError.invalidAction(action.isEmpty() ? "(none)" : action);
            }
            Xml result = new Xml();
            handler.handle(request, result);
            Xml document = new Xml().open(action + "Response", NAMESPACE)
                    .open(action + "Result").raw(result).close(action + "Result")
                    .open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata")
                    .close(action + "Response");
            return xml(200, requestId, document);
        } catch (SnsError e) {
            LOG.debug("{} refused [requestId={}]: {} {}", action, requestId, e.code(), e.getMessage());
            return error(requestId, e);
        } catch (RuntimeException e) {
            LOG.error("{} failed inside the embedded SNS [requestId={}]", action, requestId, e);
            return error(requestId, SnsError.internal("The embedded SNS failed: " + e));
        }
    }

    private static FrontResponse error(String requestId, SnsError error) {
        Xml document = new Xml().open("ErrorResponse", NAMESPACE)
                .open("Error").element("Type", error.type()).element("Code", error.code())
                .element("Message", error.getMessage()).close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse");
        return xml(error.status(), requestId, document);
    }

    private static FrontResponse xml(int status, String requestId, Xml document) {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document).getBytes(StandardCharsets.UTF_8);
        return new FrontResponse(status, Map.of(
                "Content-Type", List.of("text/xml"),
                "x-amzn-RequestId", List.of(requestId)), body);
    }
}
