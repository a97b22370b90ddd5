package dev.hake.ra;

import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * hake's settings as JavaBean properties, for the adapter and each activation: a {@code uri}
 * ({@code hake:?region=eu-west-1&prefix=prod-}) and one property per setting, which wins over the
 * same setting in the uri. An activation's settings are laid over the adapter's, setting by
 * setting (see {@link #compose}). Types are the wrapper types a deployment descriptor can name.
 *
 * <p>Values are checked when the settings are composed, so that an application server that calls
 * setters in any order gets one clear error naming the property, at activation.
 */
public abstract class HakeProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    private String uri;
    /** What each property was set to, by setting key, in the URI's text form. Holds secrets: never print it. */
    private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

    /**
     * The settings of {@code layers}, each laid over the ones before it: its uri's options, then
     * its properties.
     *
     * @throws IllegalArgumentException naming the setting, for a value it does not take
     */
    protected static HakeSettings compose(HakeProperties... layers) {
        HakeSettings.Builder builder = HakeSettings.builder();
        for (HakeProperties layer : layers) {
            if (layer == null) {
                continue;
            }
            if (layer.uri != null && !layer.uri.isBlank()) {
                HakeUri.apply(builder, layer.uri);
            }
            layer.values.forEach((key, value) -> HakeUri.set(builder, key, value));
        }
        return builder.build();
    }

    /** Whether {@code other} holds the same settings (the server compares connection factories so). */
    protected boolean sameSettingsAs(HakeProperties other) {
        return Objects.equals(uri, other.uri) && values.equals(other.values);
    }

    protected int settingsHash() {
        return Objects.hash(uri, values);
    }

    private void put(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            values.remove(key);
        } else {
            values.put(key, value.toString());
        }
    }

    private String text(String key) {
        return values.get(key);
    }

    private Double decimal(String key) {
        String v = values.get(key);
        return v == null ? null : Double.valueOf(v);
    }

    private Integer number(String key) {
        String v = values.get(key);
        return v == null ? null : Integer.valueOf(v);
    }

    private Boolean flag(String key) {
        String v = values.get(key);
        return v == null ? null : Boolean.valueOf(v);
    }

    public String getUri() {
        return uri;
    }

    /** A {@code hake:} URI; the other properties win over its options. Holds credentials if they are in it. */
    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getRegion() {
        return text("region");
    }

    public void setRegion(String region) {
        put("region", region);
    }

    public String getEndpoint() {
        return text("endpoint");
    }

    public void setEndpoint(String endpoint) {
        put("endpoint", endpoint);
    }

    public String getPrefix() {
        return text("prefix");
    }

    public void setPrefix(String prefix) {
        put("prefix", prefix);
    }

    public String getClientId() {
        return text("clientId");
    }

    public void setClientId(String clientId) {
        put("clientId", clientId);
    }

    public Boolean getCreateDestinations() {
        return flag("createDestinations");
    }

    public void setCreateDestinations(Boolean createDestinations) {
        put("createDestinations", createDestinations);
    }

    public String getAccessKeyId() {
        return text("accessKeyId");
    }

    public void setAccessKeyId(String accessKeyId) {
        put("accessKeyId", accessKeyId);
    }

    public String getSecretAccessKey() {
        return text("secretAccessKey");
    }

    public void setSecretAccessKey(String secretAccessKey) {
        put("secretAccessKey", secretAccessKey);
    }

    public String getSessionToken() {
        return text("sessionToken");
    }

    public void setSessionToken(String sessionToken) {
        put("sessionToken", sessionToken);
    }

    public Integer getReceiveBatchSize() {
        return number("receiveBatchSize");
    }

    public void setReceiveBatchSize(Integer receiveBatchSize) {
        put("receiveBatchSize", receiveBatchSize);
    }

    public Integer getReceiveWaitSeconds() {
        return number("receiveWaitSeconds");
    }

    public void setReceiveWaitSeconds(Integer receiveWaitSeconds) {
        put("receiveWaitSeconds", receiveWaitSeconds);
    }

    public Integer getVisibilityTimeoutSeconds() {
        return number("visibilityTimeoutSeconds");
    }

    public void setVisibilityTimeoutSeconds(Integer visibilityTimeoutSeconds) {
        put("visibilityTimeoutSeconds", visibilityTimeoutSeconds);
    }

    public Integer getListenerThreads() {
        return number("listenerThreads");
    }

    public void setListenerThreads(Integer listenerThreads) {
        put("listenerThreads", listenerThreads);
    }

    public String getTrustedPackages() {
        return text("trustedPackages");
    }

    public void setTrustedPackages(String trustedPackages) {
        put("trustedPackages", trustedPackages);
    }

    public Integer getMaxDeliveries() {
        return number("maxDeliveries");
    }

    public void setMaxDeliveries(Integer maxDeliveries) {
        put("maxDeliveries", maxDeliveries);
    }

    public String getDeadLetterQueue() {
        return text("deadLetterQueue");
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        put("deadLetterQueue", deadLetterQueue);
    }

    public Integer getRedeliveryDelaySeconds() {
        return number("redeliveryDelaySeconds");
    }

    public void setRedeliveryDelaySeconds(Integer redeliveryDelaySeconds) {
        put("redeliveryDelaySeconds", redeliveryDelaySeconds);
    }

    public Double getRedeliveryBackoffMultiplier() {
        return decimal("redeliveryBackoffMultiplier");
    }

    public void setRedeliveryBackoffMultiplier(Double redeliveryBackoffMultiplier) {
        put("redeliveryBackoffMultiplier", redeliveryBackoffMultiplier);
    }

    public Integer getMaxRedeliveryDelaySeconds() {
        return number("maxRedeliveryDelaySeconds");
    }

    public void setMaxRedeliveryDelaySeconds(Integer maxRedeliveryDelaySeconds) {
        put("maxRedeliveryDelaySeconds", maxRedeliveryDelaySeconds);
    }

    public String getRoleArn() {
        return text("roleArn");
    }

    public void setRoleArn(String roleArn) {
        put("roleArn", roleArn);
    }

    public String getRoleExternalId() {
        return text("roleExternalId");
    }

    public void setRoleExternalId(String roleExternalId) {
        put("roleExternalId", roleExternalId);
    }

    public String getRoleSessionName() {
        return text("roleSessionName");
    }

    public void setRoleSessionName(String roleSessionName) {
        put("roleSessionName", roleSessionName);
    }

    public String getLargeMessageBucket() {
        return text("largeMessageBucket");
    }

    public void setLargeMessageBucket(String largeMessageBucket) {
        put("largeMessageBucket", largeMessageBucket);
    }

    public Integer getLargeMessageThreshold() {
        return number("largeMessageThreshold");
    }

    public void setLargeMessageThreshold(Integer largeMessageThreshold) {
        put("largeMessageThreshold", largeMessageThreshold);
    }

    public Boolean getLargeMessageAlwaysThroughS3() {
        return flag("largeMessageAlwaysThroughS3");
    }

    public void setLargeMessageAlwaysThroughS3(Boolean largeMessageAlwaysThroughS3) {
        put("largeMessageAlwaysThroughS3", largeMessageAlwaysThroughS3);
    }

    public Boolean getLargeMessageDeleteOnAcknowledge() {
        return flag("largeMessageDeleteOnAcknowledge");
    }

    public void setLargeMessageDeleteOnAcknowledge(Boolean largeMessageDeleteOnAcknowledge) {
        put("largeMessageDeleteOnAcknowledge", largeMessageDeleteOnAcknowledge);
    }
}
