package dev.hake.core.large;

import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.PayloadPointer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Large message bodies in S3, through a client that shares the connection's HTTP client, threads,
 * credentials and retries. The only class of hake that names the S3 SDK: it is loaded only when a
 * large message needs it, so hake runs without {@code software.amazon.awssdk:s3} until then.
 */
final class S3PayloadStore implements PayloadStore {

    private final S3AsyncClient s3;

    S3PayloadStore(AwsClients aws) {
        // Emulators (the embedded backend, moto, LocalStack) answer on one host and port: path-style
        // addresses (http://host/bucket/key) reach them, virtual-hosted ones (bucket.host) do not.
        // No "Expect: 100-continue": the SDK's async client reads some emulators' interim 100 answer
        // as the final one, and all it would save is sending a body to a bucket that refuses it.
        this.s3 = aws.configure(S3AsyncClient.builder())
                .forcePathStyle(aws.endpointOverridden())
                .serviceConfiguration(c -> c.expectContinueEnabled(false))
                .build();
    }

    @Override
    public CompletableFuture<Void> put(PayloadPointer where, String body) {
        return s3.putObject(r -> r.bucket(where.bucket()).key(where.key()).contentType("text/plain; charset=utf-8"),
                        AsyncRequestBody.fromString(body, StandardCharsets.UTF_8))
                .handle((ok, failure) -> done(failure, "S3 PutObject [" + where + "]"));
    }

    @Override
    public CompletableFuture<String> get(PayloadPointer where) {
        return s3.getObject(r -> r.bucket(where.bucket()).key(where.key()), AsyncResponseTransformer.toBytes())
                .handle((object, failure) -> {
                    done(failure, "S3 GetObject [" + where + "]");
                    return object.asUtf8String();
                });
    }

    @Override
    public CompletableFuture<Void> delete(PayloadPointer where) {
        return s3.deleteObject(r -> r.bucket(where.bucket()).key(where.key()))
                .handle((ok, failure) -> done(failure, "S3 DeleteObject [" + where + "]"));
    }

    private static Void done(Throwable failure, String what) {
        if (failure != null) {
            throw AwsErrors.translate(failure, what);
        }
        return null;
    }

    @Override
    public void close() {
        s3.close();
    }
}
