package dev.hake.embedded.internal.s3;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import dev.hake.embedded.internal.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The bucket-level operations: CreateBucket, HeadBucket, DeleteBucket, ListBuckets, ListObjectsV2, DeleteObjects. */
final class BucketOperations {

    /** The region where re-creating one's own bucket succeeds, for compatibility with S3's oldest behaviour. */
    private static final String US_EAST_1 = "us-east-1";
    private static final int MAX_KEYS = 1000;
    private static final String OWNER_ID = "hake-embedded";

    private final S3Store store;
    private final String region;
    private final Clock clock;

    BucketOperations(S3Store store, String region, Clock clock) {
        this.store = store;
        this.region = region;
        this.clock = clock;
    }

    /**
     * The configuration body is not read: S3 would check its LocationConstraint against the region,
     * and the SDK always sends the client's own.
     */
    FrontResponse createBucket(String bucket) {
        BucketNames.check(bucket);
        if (!store.createBucket(bucket, clock.instant()) && !US_EAST_1.equals(region)) {
            throw S3Error.bucketAlreadyOwnedByYou(bucket);
        }
        return new FrontResponse(200, Map.of("Location", List.of("/" + bucket)), new byte[0]);
    }

    FrontResponse headBucket(String bucket) {
        store.bucket(bucket);
        return new FrontResponse(200, Map.of("x-amz-bucket-region", List.of(region)), new byte[0]);
    }

    FrontResponse deleteBucket(String bucket) {
        store.deleteBucket(bucket);
        return new FrontResponse(204, Map.of(), new byte[0]);
    }

    /** GetBucketLocation: S3 answers an empty constraint for us-east-1. */
    FrontResponse bucketLocation(String bucket) {
        store.bucket(bucket);
        return xml(new Xml().open("LocationConstraint", S3Xml.NAMESPACE)
                .text(US_EAST_1.equals(region) ? "" : region).close("LocationConstraint"));
    }

    FrontResponse listBuckets() {
        Xml buckets = new Xml().open("Buckets");
        store.buckets().forEach(bucket -> buckets.open("Bucket").element("Name", bucket.name())
                .element("CreationDate", S3Xml.xmlTime(bucket.created())).close("Bucket"));
        buckets.close("Buckets");
        return xml(new Xml().open("ListAllMyBucketsResult", S3Xml.NAMESPACE)
                .open("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_ID).close("Owner")
                .raw(buckets).close("ListAllMyBucketsResult"));
    }

    /**
     * ListObjectsV2 with prefix, delimiter, max-keys (at most 1000), continuation-token, start-after
     * and encoding-type=url (which the SDK asks for, and undoes, by default).
     */
    FrontResponse listObjectsV2(String bucket, Map<String, String> query) {
        S3Store.Bucket found = store.bucket(bucket);
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        String token = query.get("continuation-token");
        String startAfter = query.get("start-after");
        int maxKeys = maxKeys(query.get("max-keys"));
        String encodingType = query.get("encoding-type");
        if (encodingType != null && !encodingType.equals("url")) {
            throw S3Error.invalidArgument("Invalid Encoding Method specified in Request: " + encodingType);
        }
        boolean urlEncoded = encodingType != null;
        String after = token != null ? ObjectListing.marker(token) : startAfter;
        ObjectListing page = ObjectListing.page(found.objects(), prefix, delimiter, after, maxKeys);

        Xml result = new Xml().open("ListBucketResult", S3Xml.NAMESPACE)
                .element("Name", bucket)
                .element("Prefix", encode(prefix, urlEncoded))
                .element("Delimiter", encode(delimiter, urlEncoded))
                .element("MaxKeys", String.valueOf(maxKeys))
                .element("EncodingType", encodingType)
                .element("KeyCount", String.valueOf(page.keyCount()))
                .element("IsTruncated", String.valueOf(page.nextToken() != null))
                .element("ContinuationToken", token)
                .element("NextContinuationToken", page.nextToken())
                .element("StartAfter", encode(startAfter, urlEncoded));
        for (Map.Entry<String, StoredObject> entry : page.contents()) {
            StoredObject object = entry.getValue();
            result.open("Contents").element("Key", encode(entry.getKey(), urlEncoded))
                    .element("LastModified", S3Xml.xmlTime(object.lastModified()))
                    .element("ETag", object.etag())
                    .element("Size", String.valueOf(object.size()))
                    .element("StorageClass", "STANDARD")
                    .close("Contents");
        }
        page.commonPrefixes().forEach(common ->
                result.open("CommonPrefixes").element("Prefix", encode(common, urlEncoded)).close("CommonPrefixes"));
        return xml(result.close("ListBucketResult"));
    }

    /** DeleteObjects: deletes each key (a missing one counts as deleted, as in S3) and lists them unless quiet. */
    FrontResponse deleteObjects(String bucket, FrontRequest request) {
        store.bucket(bucket);
        DeleteRequest delete = DeleteRequest.parse(UploadBody.read(request).content());
        Xml result = new Xml().open("DeleteResult", S3Xml.NAMESPACE);
        for (String key : delete.keys()) {
            store.delete(bucket, key);
            if (!delete.quiet()) {
                result.open("Deleted").element("Key", key).close("Deleted");
            }
        }
        return xml(result.close("DeleteResult"));
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(value.trim());
            if (maxKeys < 0) {
                throw new NumberFormatException();
            }
            return Math.min(maxKeys, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Error.invalidArgument("Provided max-keys not an integer or within integer range: " + value);
        }
    }

    /** S3's encoding-type=url: form encoding, slashes left as they are. */
    private static String encode(String value, boolean urlEncoded) {
        if (value == null || !urlEncoded) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static FrontResponse xml(Xml document) {
        return new FrontResponse(200, Map.of("Content-Type", List.of("application/xml")),
                (S3Xml.DECLARATION + document).getBytes(StandardCharsets.UTF_8));
    }
}
