package dev.hake.ra;

import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SelectorSyntaxException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Locale;

/**
 * What one message-driven bean consumes, and how: the standard activation properties of Jakarta
 * Messaging (destination or destinationLookup, destinationType, subscriptionDurability,
 * subscriptionName, clientId, messageSelector, acknowledgeMode, connectionFactoryLookup), hake's
 * {@code maxSessions} (how many messages the bean handles at once), {@code maxMessages} (how many
 * a session takes at a time), {@code shareSubscriptions}, and hake's settings (see
 * {@link HakeProperties}), which override the adapter's.
 */
public class HakeActivationSpec extends HakeProperties implements ActivationSpec {

    /** The two values of {@code destinationType}. */
    enum DestinationType { QUEUE, TOPIC }

    private ResourceAdapter resourceAdapter;
    private String destination;
    private String destinationLookup;
    private String destinationType = "jakarta.jms.Queue";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String connectionFactoryLookup;
    private Integer maxSessions = 10;
    private Integer maxMessages = 1;

    /**
     * Checks the properties together, so that a bad deployment fails at activation with one clear
     * message naming the property, and never half-started.
     */
    @Override
    public void validate() throws InvalidPropertyException {
        boolean byName = destination != null && !destination.isBlank();
        boolean byLookup = destinationLookup != null && !destinationLookup.isBlank();
        if (byName == byLookup) {
            throw invalid(byName ? "give destination or destinationLookup, not both"
                    : "destination (a queue or topic name) or destinationLookup (a JNDI name) is required");
        }
        destinationTypeValue();
        if (isDurable()) {
            if (destinationTypeValue() != DestinationType.TOPIC) {
                throw invalid("subscriptionDurability=Durable needs destinationType=jakarta.jms.Topic");
            }
            if (subscriptionName == null || subscriptionName.isBlank()) {
                throw invalid("a durable subscription needs a subscriptionName");
            }
        } else if (!"NonDurable".equalsIgnoreCase(subscriptionDurability)) {
            throw invalid("subscriptionDurability must be Durable or NonDurable, was '" + subscriptionDurability + "'");
        }
        if (isShared() && (subscriptionName == null || subscriptionName.isBlank())) {
            throw invalid("shareSubscriptions=true needs a subscriptionName");
        }
        sessionMode();
        if (maxSessions == null || maxSessions < 1) {
            throw invalid("maxSessions must be at least 1, was " + maxSessions);
        }
        if (maxMessages == null || maxMessages < 1) {
            throw invalid("maxMessages must be at least 1, was " + maxMessages);
        }
        if (messageSelector != null && !messageSelector.isBlank()) {
            try {
                Selector.parse(messageSelector);
            } catch (SelectorSyntaxException e) {
                throw invalid("messageSelector is not a valid selector: " + e.getMessage());
            }
        }
        dev.hake.core.HakeSettings settings;
        try {
            settings = compose(resourceAdapter instanceof HakeProperties adapter ? adapter : null, this);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (isDurable() && !isShared() && settings.clientId().isEmpty()
                && (connectionFactoryLookup == null || connectionFactoryLookup.isBlank())) {
            throw invalid("an unshared durable subscription needs a clientId (or set shareSubscriptions=true)");
        }
    }

    private static InvalidPropertyException invalid(String message) {
        return new InvalidPropertyException("hake activation: " + message);
    }

    DestinationType destinationTypeValue() throws InvalidPropertyException {
        String t = destinationType == null ? "" : destinationType.trim();
        if (t.endsWith(".Queue") || t.equalsIgnoreCase("Queue")) {
            return DestinationType.QUEUE;
        }
        if (t.endsWith(".Topic") || t.equalsIgnoreCase("Topic")) {
            return DestinationType.TOPIC;
        }
        throw invalid("destinationType must be jakarta.jms.Queue or jakarta.jms.Topic, was '" + destinationType + "'");
    }

    boolean isDurable() {
        return "Durable".equalsIgnoreCase(subscriptionDurability);
    }

    boolean isShared() {
        return Boolean.TRUE.equals(shareSubscriptions);
    }

    /** The JMS session mode for deliveries outside a transaction. */
    int sessionMode() throws InvalidPropertyException {
        String mode = acknowledgeMode == null ? "" : acknowledgeMode.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (mode) {
            case "auto-acknowledge" -> jakarta.jms.Session.AUTO_ACKNOWLEDGE;
            case "dups-ok-acknowledge" -> jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE;
            default -> throw invalid("acknowledgeMode must be Auto-acknowledge or Dups-ok-acknowledge, was '"
                    + acknowledgeMode + "'");
        };
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public String getDestination() {
        return destination;
    }

    /** The queue or topic name, as {@code Session.createQueue} / {@code createTopic} takes it. */
    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    /** The JNDI name of a Queue or Topic (an administered object of this adapter, or any provider's). */
    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    /** A shared subscription: every server (and activation) with this subscription name splits its messages. */
    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getConnectionFactoryLookup() {
        return connectionFactoryLookup;
    }

    /** The JNDI name of a hake ConnectionFactory whose settings to use instead of the adapter's. */
    public void setConnectionFactoryLookup(String connectionFactoryLookup) {
        this.connectionFactoryLookup = connectionFactoryLookup;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getMaxMessages() {
        return maxMessages;
    }

    public void setMaxMessages(Integer maxMessages) {
        this.maxMessages = maxMessages;
    }

    /** Names what is consumed; no settings, which may hold credentials. */
    @Override
    public String toString() {
        return "HakeActivationSpec[" + destinationType + " " + (destination != null ? destination : destinationLookup)
                + (subscriptionName == null ? "" : ", subscription " + subscriptionName) + ", maxSessions "
                + maxSessions + "]";
    }
}
