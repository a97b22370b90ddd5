package dev.hake.core.aws;

import dev.hake.core.AccessDeniedException;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SNS and SQS clients of one connection. They share one HTTP client (and so its event loop
 * threads) and complete their futures on the connection's executor, never on the I/O threads.
 * With a {@link HakeSettings#roleArn() role} they sign with its credentials, which an STS client
 * of the connection's own gets and renews.
 */
public final class AwsClients implements AutoCloseable {

    private static final String EMBEDDED_CLASS = "dev.hake.embedded.EmbeddedHake";
    private static final String DEFAULT_REGION_WITH_ENDPOINT = "us-east-1";
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");
    /** Attempts per request, the first included: four retries cover a few seconds of trouble. */
    public static final int MAX_ATTEMPTS = 5;
    /** Retries after a 5xx or a broken connection wait up to 0.1, 0.2, 0.4, 0.8 s (full jitter). */
    static final Duration RETRY_BASE_DELAY = Duration.ofMillis(100);
    /** Retries after throttling wait up to 0.5, 1, 2, 4 s: throttling means "slow down", not "try again". */
    static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(500);
    static final Duration RETRY_MAX_DELAY = Duration.ofSeconds(20);

    private final SdkAsyncHttpClient http;
    private final SqsAsyncClient sqs;
    private final SnsAsyncClient sns;
    private final String region;
    private final Reachability reachability;
    /** The credentials when a role is assumed, closed with the clients; null otherwise. */
    private final AssumedRole role;
    /** Built on the first synchronous send; null until then, and for clients made elsewhere. */
    private CallerThreadClients callerThread;
    private boolean closed;
    /** Sets up one more client as SQS's and SNS's are; null for clients made elsewhere. */
    private final ClientSetup setup;

    /** How this connection's SDK clients are built, kept for clients made later (S3's, when a large message needs it). */
    private record ClientSetup(AwsCredentialsProvider credentials, Optional<URI> endpoint,
                               ClientAsyncConfiguration async, ClientOverrideConfiguration override) {
    }

    private AwsClients(SdkAsyncHttpClient http, SqsAsyncClient sqs, SnsAsyncClient sns, String region,
                       Reachability reachability, AssumedRole role, ClientSetup setup) {
        this.http = http;
        this.sqs = sqs;
        this.sns = sns;
        this.region = region;
        this.reachability = reachability;
        this.role = role;
        this.setup = setup;
    }

    /**
     * Builds the clients. {@code user}/{@code password}, when given (JMS createConnection(user,
     * password)), are an access key id and secret key that replace the settings' credentials; with
     * a {@code roleArn} they are what the role is assumed with.
     */
    public static AwsClients create(HakeSettings settings, String user, String password, Executor completions) {
        return create(settings, user, password, completions, null);
    }

    /** As {@link #create(HakeSettings, String, String, Executor)}, with {@code requests} (if not null) seeing every request. */
    public static AwsClients create(HakeSettings settings, String user, String password, Executor completions,
                                    ExecutionInterceptor requests) {
        Optional<URI> endpoint = settings.embedded() ? Optional.of(embeddedEndpoint()) : settings.endpoint();
        String region = resolveRegion(settings, endpoint.isPresent());
        AwsCredentialsProvider base = credentials(settings, user, password);
        // The embedded backend checks no signatures and serves no STS: a role configured for AWS is not assumed there.
        AssumedRole role = settings.roleArn().isPresent() && !settings.embedded()
                ? AssumedRole.of(settings, base, region, endpoint) : null;
        AwsCredentialsProvider credentials = role != null ? role : base;
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SharedEventLoop.group())
                .maxConcurrency(1_000)
                .maxPendingConnectionAcquires(100_000)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .build();
        ClientAsyncConfiguration async = ClientAsyncConfiguration.builder()
                .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, completions)
                .build();
        Reachability reachability = new Reachability(System::nanoTime);
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .addExecutionInterceptor(new AttemptInterceptor(reachability));
        if (requests != null) {
            overrides.addExecutionInterceptor(requests);
        }
        ClientOverrideConfiguration override = overrides.build();
        var sqsBuilder = SqsAsyncClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(credentials).asyncConfiguration(async).overrideConfiguration(override);
        var snsBuilder = SnsAsyncClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(credentials).asyncConfiguration(async).overrideConfiguration(override);
        endpoint.ifPresent(e -> {
            sqsBuilder.endpointOverride(e);
            snsBuilder.endpointOverride(e);
        });
        return new AwsClients(http, sqsBuilder.build(), snsBuilder.build(), region, reachability, role,
                new ClientSetup(credentials, endpoint, async, override));
    }

    /**
     * Clients made elsewhere, used as they are (in tests: an in-memory double of SNS and SQS, with no
     * HTTP); {@link #close} closes them. Their requests carry no retry policy of ours and no attempt
     * recording, so {@link #reachability()} never hears of a failure and sends and deletes are never
     * "in doubt": whatever these clients answer is final.
     */
    public static AwsClients of(SqsAsyncClient sqs, SnsAsyncClient sns, String region) {
        return new AwsClients(null, sqs, sns, region, new Reachability(System::nanoTime), null, null);
    }

    /**
     * The SDK's standard retry mode, set on purpose rather than inherited: throttling, 5xx answers
     * and broken connections are retried with exponential backoff and full jitter, {@link
     * #MAX_ATTEMPTS} attempts in all. No circuit breaker (the standard mode's retry token bucket):
     * under a fault rate it would stop retrying for everyone at once, and a consumer already backs
     * off by itself while AWS is unreachable.
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(RETRY_BASE_DELAY, RETRY_MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, RETRY_MAX_DELAY))
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * Sets up {@code builder} (another service's async client) as SQS's and SNS's were: the same
     * HTTP client and threads, region, credentials, endpoint, retries and attempt recording. The
     * caller builds and closes the client; closing it leaves the shared HTTP client open.
     *
     * @throws HakeException for clients made elsewhere, which have no such setup
     */
    public <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(B builder) {
        if (setup == null) {
            throw new HakeException("this backend's SNS and SQS clients were made elsewhere; it has no S3");
        }
        return withSetup(builder.httpClient(http).asyncConfiguration(setup.async()));
    }

    /** Region, credentials, endpoint, retries and attempt recording, as SQS's and SNS's clients have them. */
    private <B extends AwsClientBuilder<B, ?>> B withSetup(B builder) {
        builder.region(Region.of(region)).credentialsProvider(setup.credentials()).overrideConfiguration(setup.override());
        setup.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Whether requests go to an endpoint of the settings' (an emulator) rather than AWS's own. */
    public boolean endpointOverridden() {
        return setup != null && setup.endpoint().isPresent();
    }

    public SqsAsyncClient sqs() {
        return sqs;
    }

    public SnsAsyncClient sns() {
        return sns;
    }

    public String region() {
        return region;
    }

    /**
     * Blocking clients for requests made on the caller's thread (see {@link CallerThreadClients}),
     * built on first use; empty for clients made elsewhere (tests' doubles), and once closed.
     */
    public synchronized Optional<CallerThreadClients> callerThread() {
        if (setup == null || closed) {
            return Optional.empty();
        }
        if (callerThread == null) {
            SdkHttpClient blocking = CallerThreadClients.httpClient();
            callerThread = new CallerThreadClients(blocking, withSetup(SqsClient.builder().httpClient(blocking)).build(),
                    withSetup(SnsClient.builder().httpClient(blocking)).build());
        }
        return Optional.of(callerThread);
    }

    /** Whether AWS answers these clients; tells a listener when an outage starts. */
    public Reachability reachability() {
        return reachability;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (callerThread != null) {
                callerThread.close();
            }
        }
        sqs.close();
        sns.close();
        if (http != null) {
            http.close();
        }
        if (role != null) {
            role.close();
        }
    }

    private static String resolveRegion(HakeSettings settings, boolean hasEndpoint) {
        if (settings.region().isPresent()) {
            return settings.region().get();
        }
        if (hasEndpoint) {
            // An emulator takes any region, and the embedded backend's shared instance is in us-east-1.
            // The SDK's chain is not asked: off EC2 it ends in a probe of the instance-metadata address.
            return DEFAULT_REGION_WITH_ENDPOINT;
        }
        return regionFromEnvironment();
    }

    /**
     * The region of the environment, for AWS itself when none is set: the SDK's region chain
     * (aws.region, AWS_REGION, the profile, then EC2 instance metadata). Off EC2 its last step costs
     * most of a second, so callers ask once and keep the answer.
     */
    public static String regionFromEnvironment() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException e) {
            throw new HakeException("no AWS region: set 'region' in the hake settings or AWS_REGION", e);
        }
    }

    private static AwsCredentialsProvider credentials(HakeSettings settings, String user, String password) {
        if (user != null || password != null) {
            checkAccessKey(user, password);
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(user, password));
        }
        if (settings.accessKeyId().isPresent()) {
            String key = settings.accessKeyId().get();
            String secret = settings.secretAccessKey().orElseThrow();
            return StaticCredentialsProvider.create(settings.sessionToken()
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                            token -> AwsSessionCredentials.create(key, secret, token))
                    .orElseGet(() -> AwsBasicCredentials.create(key, secret)));
        }
        if (settings.embedded()) {
            // The embedded backend checks no signatures; any key will do.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("embedded", "embedded"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * A user name and password given to createConnection are an AWS access key id and secret key.
     * An access key id is 16 to 128 letters, digits or underscores (IAM's own constraint), so
     * anything else can never sign a request: refused here, on every backend, rather than at the
     * first send. Neither value is put in the message.
     */
    private static void checkAccessKey(String user, String password) {
        if (user == null || !ACCESS_KEY_ID.matcher(user).matches()) {
            throw new AccessDeniedException("the user name is not an AWS access key id (16 to 128 letters, digits"
                    + " or underscores); createConnection(user, password) takes an access key id and its secret key");
        }
        if (password == null || password.isEmpty()) {
            throw new AccessDeniedException("no secret access key: createConnection(user, password) takes an"
                    + " access key id and its secret key");
        }
    }

    private static URI embeddedEndpoint() {
        try {
            Class<?> type = Class.forName(EMBEDDED_CLASS);
            return (URI) type.getMethod("sharedEndpoint").invoke(null);
        } catch (ClassNotFoundException e) {
            throw new HakeException("'hake:embedded' needs the artifact dev.hake:hake-embedded on the classpath", e);
        } catch (InvocationTargetException e) {
            throw new HakeException("the embedded backend did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HakeException("the embedded backend in dev.hake:hake-embedded is not compatible with this hake-jms", e);
        }
    }
}
