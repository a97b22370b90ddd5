package dev.hake.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hake.core.AccessDeniedException;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.testing.ScriptedEndpoint;
import dev.hake.testing.TemporarySystemProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/**
 * Roles through STS: the default chain's providers that need the STS module find it, and
 * {@code roleArn} assumes the role at the configured endpoint with the connection's credentials.
 * STS is played by a {@link ScriptedEndpoint}; the integration test {@code AssumedRoleIT} does it
 * against moto.
 */
@SuppressWarnings("try") // system properties set for a block, not referenced in it
class AssumedRoleTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/hake-test";
    private static final String SECRET = "baseSecretKeyThatMustNotShow";
    private static final String EXTERNAL_ID = "externalIdThatMustNotShow";
    private static final String ROLE_KEY_ID = "ASIAHAKEROLEKEY00001";

    @Test
    void theDefaultChainFindsTheStsModuleForWebIdentityTokensAndRoleProfiles() {
        // The SDK's auth module loads these by name; without the sts jar, IRSA and role_arn profiles fail.
        assertThatCode(() -> Class.forName("software.amazon.awssdk.services.sts.internal.StsWebIdentityCredentialsProviderFactory"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Class.forName("software.amazon.awssdk.services.sts.internal.StsProfileCredentialsProviderFactory"))
                .doesNotThrowAnyException();
    }

    @Test
    void aProfileWithRoleArnAndSourceProfileAssumesTheRoleThroughSts() {
        try (ScriptedEndpoint sts = new ScriptedEndpoint(assumeRoleAnswer());
             TemporarySystemProperties endpoint = TemporarySystemProperties.set("aws.endpointUrlSts",
                     sts.endpoint().toString())) {
            ProfileFile profiles = ProfileFile.builder()
                    .type(ProfileFile.Type.CONFIGURATION)
                    .content(new StringInputStream("""
                            [profile base]
                            aws_access_key_id = AKIAHAKEBASEKEY00001
                            aws_secret_access_key = %s
                            [profile app]
                            role_arn = %s
                            source_profile = base
                            region = eu-west-1
                            """.formatted(SECRET, ROLE)))
                    .build();
            ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                    .profileFile(profiles).profileName("app").build();

            AwsCredentials credentials = provider.resolveCredentials();

            assertThat(credentials.accessKeyId()).isEqualTo(ROLE_KEY_ID);
            assertThat(form(sts.requests().get(0).body())).contains("Action=AssumeRole", "RoleArn=" + ROLE);
            provider.close();
        }
    }

    @Test
    void roleArnAssumesTheRoleAtTheEndpointWithTheConfiguredCredentialsAndSignsWithTheRoles() {
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint(assumeRoleAnswer(), ScriptedEndpoint.ok("{\"QueueUrls\":[]}"));
             AwsClients aws = AwsClients.create(roleSettings(endpoint), null, null, ForkJoinPool.commonPool())) {
            aws.sqs().listQueues().join();

            assertThat(endpoint.requests()).hasSize(2);
            assertThat(form(endpoint.requests().get(0).body())).contains("Action=AssumeRole", "RoleArn=" + ROLE,
                    "RoleSessionName=orders-app", "ExternalId=" + EXTERNAL_ID);
            assertThat(endpoint.requests().get(1).action()).isEqualTo("ListQueues");
            AssumedRole role = (AssumedRole) aws.sqs().serviceClientConfiguration().credentialsProvider();
            assertThat(role.resolveCredentials()).isInstanceOf(AwsSessionCredentials.class)
                    .extracting(AwsCredentials::accessKeyId).isEqualTo(ROLE_KEY_ID);
            assertThat(role.base()).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(role.base().resolveCredentials().secretAccessKey()).isEqualTo(SECRET);
            assertThat(role.toString()).contains(ROLE, "orders-app").doesNotContain(EXTERNAL_ID, SECRET);
        }
    }

    @Test
    void theCredentialsOfCreateConnectionAreWhatTheRoleIsAssumedWith() {
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint(assumeRoleAnswer());
             AwsClients aws = AwsClients.create(roleSettings(endpoint), "AKIAHAKEUSERKEY00001", "userSecret",
                     ForkJoinPool.commonPool())) {
            AssumedRole role = (AssumedRole) aws.sqs().serviceClientConfiguration().credentialsProvider();
            assertThat(role.base().resolveCredentials().accessKeyId()).isEqualTo("AKIAHAKEUSERKEY00001");
        }
    }

    @Test
    void withoutRoleArnNoRoleIsAssumed() {
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint();
             AwsClients aws = AwsClients.create(HakeSettings.builder().endpoint(endpoint.endpoint())
                     .accessKeyId("AKIAHAKEBASEKEY00001").secretAccessKey(SECRET).build(), null, null,
                     ForkJoinPool.commonPool())) {
            assertThat(aws.sqs().serviceClientConfiguration().credentialsProvider())
                    .isInstanceOf(StaticCredentialsProvider.class);
        }
    }

    @Test
    void aRoleThatStsRefusesIsAccessDeniedAndTheMessageHoldsNoSecret() {
        String refusal = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/app is not authorized to"
                + " perform: sts:AssumeRole on resource: " + ROLE + "</Message></Error><RequestId>r</RequestId>"
                + "</ErrorResponse>";
        try (ScriptedEndpoint endpoint = new ScriptedEndpoint(new ScriptedEndpoint.Answer(403, refusal, null));
             AwsClients aws = AwsClients.create(roleSettings(endpoint), null, null, ForkJoinPool.commonPool())) {
            Throwable failure = catchThrowable(() -> aws.sqs().listQueues().join());

            HakeException translated = AwsErrors.translate(failure, "SQS ListQueues");
            assertThat(translated).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("sts:AssumeRole");
            for (Throwable t = translated; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET, EXTERNAL_ID);
            }
            assertThat(endpoint.requests()).noneMatch(r -> r.action().equals("ListQueues"));
        }
    }

    private static HakeSettings roleSettings(ScriptedEndpoint endpoint) {
        return HakeSettings.builder().endpoint(endpoint.endpoint()).region("eu-west-1")
                .accessKeyId("AKIAHAKEBASEKEY00001").secretAccessKey(SECRET)
                .roleArn(ROLE).roleExternalId(EXTERNAL_ID).roleSessionName("orders-app").build();
    }

    /** STS's answer to AssumeRole (its query protocol answers in XML), valid for an hour. */
    private static ScriptedEndpoint.Step assumeRoleAnswer() {
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return ScriptedEndpoint.ok("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleResult><Credentials><AccessKeyId>" + ROLE_KEY_ID + "</AccessKeyId>"
                + "<SecretAccessKey>roleSecret</SecretAccessKey><SessionToken>roleToken</SessionToken>"
                + "<Expiration>" + expiration + "</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROAHAKE:orders-app</AssumedRoleId>"
                + "<Arn>arn:aws:sts::123456789012:assumed-role/hake-test/orders-app</Arn></AssumedRoleUser>"
                + "</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>");
    }

    private static String form(String body) {
        return URLDecoder.decode(body, StandardCharsets.UTF_8);
    }
}
