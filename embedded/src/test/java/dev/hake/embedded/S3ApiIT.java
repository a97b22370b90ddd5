package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 on the embedded endpoint's port, through the SDK's sync (Apache) and async (Netty) clients,
 * path-style: what the SQS extended client's claim checks and hake's tests need.
 */
class S3ApiIT extends EmbeddedEndpointTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static S3Client s3;
    private static S3AsyncClient s3Async;

    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void s3Clients() {
        s3 = s3(hake);
        s3Async = S3AsyncClient.builder()
                .endpointOverride(hake.endpoint())
                .forcePathStyle(true)
                .region(Region.of(hake.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterAll
    static void closeS3Clients() {
        s3.close();
        s3Async.close();
    }

    @AfterEach
    void deleteBuckets() {
        for (String bucket : buckets) {
            try {
                s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                        .forEach(object -> s3.deleteObject(r -> r.bucket(bucket).key(object.key())));
                s3.deleteBucket(r -> r.bucket(bucket));
            } catch (NoSuchBucketException alreadyGone) {
                // the test deleted it itself
            }
        }
    }

    @Test
    void aTenMibObjectMakesTheRoundTripThroughTheSyncClient() throws Exception {
        String bucket = bucket("sync");
        byte[] content = randomBytes(TEN_MIB, 1);
        Instant before = Instant.now().minusSeconds(1);

        String etag = s3.putObject(r -> r.bucket(bucket).key("large").contentType("application/x-hake"),
                RequestBody.fromBytes(content)).eTag();

        assertThat(etag).isEqualTo(quotedMd5(content));
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("large"));
        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(got.response().contentLength()).isEqualTo(TEN_MIB);
        assertThat(got.response().eTag()).isEqualTo(etag);
        assertThat(got.response().contentType()).isEqualTo("application/x-hake");
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("large"));
        assertThat(head.contentLength()).isEqualTo(TEN_MIB);
        assertThat(head.eTag()).isEqualTo(etag);
        assertThat(head.contentType()).isEqualTo("application/x-hake");
        assertThat(head.lastModified()).isBetween(before, Instant.now().plusSeconds(1));

        s3.deleteObject(r -> r.bucket(bucket).key("large"));
        s3.deleteObject(r -> r.bucket(bucket).key("large")); // deleting again is no error, as in S3
        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key("large")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("large")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aTenMibObjectMakesTheRoundTripThroughTheAsyncClient() throws Exception {
        String bucket = bucket("async");
        byte[] content = randomBytes(TEN_MIB, 2);

        String etag = s3Async.putObject(r -> r.bucket(bucket).key("large/async"), AsyncRequestBody.fromBytes(content))
                .join().eTag();

        assertThat(etag).isEqualTo(quotedMd5(content));
        ResponseBytes<GetObjectResponse> got = s3Async.getObject(r -> r.bucket(bucket).key("large/async"),
                AsyncResponseTransformer.toBytes()).join();
        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(s3Async.headObject(r -> r.bucket(bucket).key("large/async")).join().contentLength())
                .isEqualTo(TEN_MIB);

        s3Async.deleteObject(r -> r.bucket(bucket).key("large/async")).join();
        assertThatThrownBy(() -> s3Async.getObject(r -> r.bucket(bucket).key("large/async"),
                AsyncResponseTransformer.toBytes()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3Async.headObject(r -> r.bucket(bucket).key("nothing")).join())
                .hasCauseInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3Async.headBucket(r -> r.bucket("no-such-" + bucket)).join())
                .hasCauseInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void keysMayHoldSlashesSpacesPlusSignsAndAnyCharacter() {
        String bucket = bucket("keys");
        List<String> keys = List.of("claims/2025 08/a b+c.json", "claims/ü/€ 𝄞.txt", "claims/odd%20?&=#;.txt", "top level");
        keys.forEach(key -> s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/plain; charset=utf-8"),
                RequestBody.fromString("content of " + key, StandardCharsets.UTF_8)));
        s3.putObject(r -> r.bucket(bucket).key("claims/empty"), RequestBody.empty());

        for (String key : keys) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            assertThat(got.asUtf8String()).isEqualTo("content of " + key);
            assertThat(got.response().contentType()).isEqualTo("text/plain; charset=utf-8");
        }
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("claims/empty")).asByteArray()).isEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("claims/")).contents()).extracting(S3Object::key)
                .containsExactly("claims/2025 08/a b+c.json", "claims/empty", "claims/odd%20?&=#;.txt", "claims/ü/€ 𝄞.txt");
    }

    @Test
    void listObjectsV2PagesByMaxKeysAndRollsUpByDelimiter() {
        String bucket = bucket("list");
        IntStream.range(0, 7).forEach(i -> s3.putObject(r -> r.bucket(bucket).key("p/" + i), RequestBody.fromString("x")));
        s3.putObject(r -> r.bucket(bucket).key("p/deeper/a"), RequestBody.fromString("x"));
        s3.putObject(r -> r.bucket(bucket).key("p/deeper/b"), RequestBody.fromString("x"));
        s3.putObject(r -> r.bucket(bucket).key("q/other"), RequestBody.fromString("x"));

        var firstPage = s3.listObjectsV2(r -> r.bucket(bucket).prefix("p/").maxKeys(3));
        assertThat(firstPage.keyCount()).isEqualTo(3);
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(firstPage.nextContinuationToken()).isNotBlank();
        assertThat(s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("p/").maxKeys(3)).contents())
                .extracting(S3Object::key)
                .containsExactly("p/0", "p/1", "p/2", "p/3", "p/4", "p/5", "p/6", "p/deeper/a", "p/deeper/b");
        assertThat(s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()).hasSize(10);

        var rolledUp = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("p/").delimiter("/").maxKeys(2));
        assertThat(rolledUp.contents()).hasSize(7);
        assertThat(rolledUp.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("p/deeper/");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).delimiter("/")).commonPrefixes())
                .extracting(CommonPrefix::prefix).containsExactly("p/", "q/");
    }

    @Test
    void deleteObjectsDeletesEachKeyAndCountsMissingOnesAsDeleted() {
        String bucket = bucket("bulk");
        List.of("a", "b", "c").forEach(key -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key)));

        var response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("c").build(),
                ObjectIdentifier.builder().key("never there").build())));

        assertThat(response.deleted()).extracting("key").containsExactly("a", "c", "never there");
        assertThat(response.errors()).isEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("b");
    }

    @Test
    void bucketsAreCreatedListedCheckedAndDeletedOnlyWhenEmpty() {
        String bucket = bucket("life");
        s3.createBucket(r -> r.bucket(bucket)); // us-east-1: creating one's own bucket again succeeds, as in S3
        s3.headBucket(r -> r.bucket(bucket));
        assertThat(s3.listBuckets().buckets()).extracting("name").contains(bucket);
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("v"));

        assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(r -> r.bucket(bucket).key("k"));
        s3.deleteBucket(r -> r.bucket(bucket));
        assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
        assertThat(s3.listBuckets().buckets()).extracting("name").doesNotContain(bucket);
    }

    @Test
    void aMissingBucketIsNoSuchBucketForEveryOperation() {
        String missing = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(missing).key("k")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.putObject(r -> r.bucket(missing).key("k"), RequestBody.fromString("v")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket(missing))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(missing).key("k"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket(missing))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(missing))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void aBucketNameS3WouldRefuseIsInvalidBucketName() throws Exception {
        // The SDK refuses these names itself, so they go as plain HTTP requests.
        for (String name : List.of("ab", "has_underscore", "-leading-dash", "two..dots", "192.168.0.1", "x".repeat(64))) {
            HttpResponse<String> response = rawS3(HttpRequest.newBuilder(hake.endpoint().resolve("/" + name))
                    .PUT(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).as(name).contains("<Code>InvalidBucketName</Code>")
                    .contains("<BucketName>" + name + "</BucketName>");
        }
    }

    @Test
    void anAwsChunkedUploadIsStoredDecodedAndOneShorterThanAnnouncedIsRefused() throws Exception {
        String bucket = bucket("chunked");
        String chunked = "5;chunk-signature=aa\r\nhello\r\n6;chunk-signature=bb\r\n world\r\n0;chunk-signature=cc\r\n"
                + "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:dd\r\n\r\n";

        HttpResponse<String> stored = rawS3(chunkedPut(bucket, "hand-made", chunked, 11));
        HttpResponse<String> refused = rawS3(chunkedPut(bucket, "too-short", chunked, 12));

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("hand-made")).asUtf8String()).isEqualTo("hello world");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>IncompleteBody</Code>");
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("too-short"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void outsideUsEast1CreatingOnesOwnBucketAgainIsBucketAlreadyOwnedByYou() {
        try (EmbeddedHake ireland = EmbeddedHake.builder().region("eu-west-1").build().start();
             S3Client client = s3(ireland)) {
            client.createBucket(r -> r.bucket("twice"));
            assertThatThrownBy(() -> client.createBucket(r -> r.bucket("twice")))
                    .isInstanceOf(BucketAlreadyOwnedByYouException.class);
            assertThat(client.headBucket(r -> r.bucket("twice")).bucketRegion()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void aPresignedGetIsServedToo() throws Exception {
        String bucket = bucket("presigned");
        s3.putObject(r -> r.bucket(bucket).key("shared file"), RequestBody.fromString("for anyone with the link"));
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(hake.endpoint())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .region(Region.of(hake.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            URI url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("shared file"))).url().toURI();

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("for anyone with the link");
        }
    }

    @Test
    void snsAndSqsStillAnswerOnTheSamePort() {
        String queue = created.queue("beside-s3");
        bucket("beside-sqs");
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("still here"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages())
                .extracting("body").containsExactly("still here");
        assertThat(created.topic("beside-s3")).startsWith("arn:aws:sns:");
    }

    private String bucket(String base) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-" + base;
        s3.createBucket(r -> r.bucket(name));
        buckets.add(name);
        return name;
    }

    private static S3Client s3(EmbeddedHake endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint.endpoint())
                .forcePathStyle(true)
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private HttpRequest.Builder chunkedPut(String bucket, String key, String body, long decodedLength) {
        return HttpRequest.newBuilder(hake.endpoint().resolve("/" + bucket + "/" + key))
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .header("x-amz-decoded-content-length", String.valueOf(decodedLength))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A request that the endpoint takes for S3's by its credential scope; signatures are not checked. */
    private static HttpResponse<String> rawS3(HttpRequest.Builder request) throws Exception {
        HttpRequest signed = request.header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/"
                + hake.region() + "/s3/aws4_request, SignedHeaders=host, Signature=0").build();
        return HTTP.send(signed, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String quotedMd5(byte[] content) throws Exception {
        return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + '"';
    }
}
