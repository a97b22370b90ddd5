package dev.hake.embedded.internal.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Buckets and their objects, in memory. Reads take no lock; creating and deleting buckets and
 * storing objects hold this store's lock, so that a bucket found empty cannot receive an object
 * before it is deleted (which would lose that object while PutObject reported success).
 */
final class S3Store {

    /** A bucket: when it was made, and its objects in S3's key order. */
    record Bucket(String name, Instant created, NavigableMap<String, StoredObject> objects) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Makes a bucket; false if it already exists. */
    synchronized boolean createBucket(String name, Instant now) {
        return buckets.putIfAbsent(name, new Bucket(name, now, new ConcurrentSkipListMap<>(KeyOrder.INSTANCE))) == null;
    }

    /** @throws S3Error NoSuchBucket, or BucketNotEmpty */
    synchronized void deleteBucket(String name) {
        if (!bucket(name).objects().isEmpty()) {
            throw S3Error.bucketNotEmpty(name);
        }
        buckets.remove(name);
    }

    /** @throws S3Error NoSuchBucket */
    Bucket bucket(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw S3Error.noSuchBucket(name);
        }
        return bucket;
    }

    /** Every bucket, in name order. */
    List<Bucket> buckets() {
        return buckets.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Stores an object, replacing any of that key. @throws S3Error NoSuchBucket */
    synchronized void put(String bucket, String key, StoredObject object) {
        bucket(bucket).objects().put(key, object);
    }

    /** @throws S3Error NoSuchBucket */
    Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(bucket(bucket).objects().get(key));
    }

    /** Deletes an object if there is one, as S3 does: deleting a missing key is no error. @throws S3Error NoSuchBucket */
    void delete(String bucket, String key) {
        bucket(bucket).objects().remove(key);
    }
}
