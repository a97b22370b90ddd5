package dev.hake.core.aws;

import dev.hake.core.HakeSettings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials of the IAM role named by {@link HakeSettings#roleArn()}, assumed through STS with
 * a connection's own credentials and renewed in the background before they expire (the SDK asks
 * again five minutes before the end, so requests never wait for it once the first answer came).
 * Closing it stops the renewal and closes its STS client.
 *
 * <p>The STS client is synchronous because the SDK's STS providers take no other; it uses the HTTP
 * client every SDK service brings at runtime (Apache 5), with a pool of its own that holds one
 * connection between renewals. It asks the same region, and the same endpoint when one is set, so
 * that an emulator that serves STS on its SQS port (moto, LocalStack) answers it.
 */
final class AssumedRole implements AwsCredentialsProvider, SdkAutoCloseable {

    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider role;
    private final AwsCredentialsProvider base;
    private final String description;

    private AssumedRole(StsClient sts, StsAssumeRoleCredentialsProvider role, AwsCredentialsProvider base,
                        String description) {
        this.sts = sts;
        this.role = role;
        this.base = base;
        this.description = description;
    }

    /**
     * The role of {@code settings} (which must name one), assumed with {@code base}. Nothing is asked
     * of STS until the first request needs credentials.
     */
    static AssumedRole of(HakeSettings settings, AwsCredentialsProvider base, String region, Optional<URI> endpoint) {
        String roleArn = settings.roleArn().orElseThrow(() -> new IllegalArgumentException("no roleArn"));
        StsClientBuilder builder = StsClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(2))
                .region(Region.of(region))
                .credentialsProvider(base);
        endpoint.ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request
                        .roleArn(roleArn)
                        .roleSessionName(settings.roleSessionName())
                        .externalId(settings.roleExternalId().orElse(null)))
                .asyncCredentialUpdateEnabled(true)
                .build();
        return new AssumedRole(sts, role, base,
                "AssumedRole[" + roleArn + ", session " + settings.roleSessionName() + "]");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return role.resolveCredentials();
    }

    /** The base credentials the role is assumed with (for tests). */
    AwsCredentialsProvider base() {
        return base;
    }

    @Override
    public void close() {
        role.close();
        sts.close();
        if (base instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The role and its session name; never the external id or the base credentials. */
    @Override
    public String toString() {
        return description;
    }
}
