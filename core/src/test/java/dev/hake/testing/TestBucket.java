package dev.hake.testing;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 bucket of a test backend, made for one test and deleted with everything in it by
 * {@link #close}: where large message bodies go, and a plain S3 client to look at them.
 */
public final class TestBucket implements AutoCloseable {

    public final S3Client s3;
    private final String name;

    /** Creates {@code name} on the backend at {@code endpoint}. */
    public TestBucket(URI endpoint, String region, String accessKeyId, String secretAccessKey, String name) {
        this.name = name;
        this.s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .build();
        s3.createBucket(r -> r.bucket(name));
    }

    public String name() {
        return name;
    }

    /** The keys of every object in the bucket. */
    public List<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(name)).contents().stream().map(S3Object::key).toList();
    }

    public String read(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(name).key(key)).asUtf8String();
    }

    public void write(String key, String body) {
        s3.putObject(r -> r.bucket(name).key(key), RequestBody.fromString(body));
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(name).key(key));
    }

    @Override
    public void close() {
        keys().forEach(this::delete);
        s3.deleteBucket(r -> r.bucket(name));
        s3.close();
    }
}
