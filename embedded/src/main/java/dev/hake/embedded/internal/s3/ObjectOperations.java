package dev.hake.embedded.internal.s3;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The object-level operations: PutObject, GetObject, HeadObject, DeleteObject. */
final class ObjectOperations {

    /** What S3 stores as the Content-Type of an upload that names none. */
    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final String METADATA_PREFIX = "x-amz-meta-";

    private final S3Store store;
    private final Clock clock;

    ObjectOperations(S3Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    FrontResponse putObject(String bucket, String key, FrontRequest request) {
        store.bucket(bucket);
        UploadBody body = UploadBody.read(request);
        String contentType = request.header("content-type");
        String etag = '"' + HexFormat.of().formatHex(UploadBody.digest("MD5", body.content())) + '"';
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith(METADATA_PREFIX) && !values.isEmpty()) {
                metadata.put(name, values.get(0));
            }
        });
        store.put(bucket, key, new StoredObject(body.content(), contentType == null ? DEFAULT_CONTENT_TYPE : contentType,
                etag, clock.instant().truncatedTo(ChronoUnit.SECONDS), metadata, body.checksums()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ETag", List.of(etag));
        body.checksums().forEach((name, value) -> headers.put(name, List.of(value)));
        return new FrontResponse(200, headers, new byte[0]);
    }

    FrontResponse getObject(String bucket, String key, FrontRequest request) {
        StoredObject object = find(bucket, key);
        return new FrontResponse(200, headers(object, request), object.content());
    }

    /** As GetObject without the body; the length is a header of its own, since no body carries it. */
    FrontResponse headObject(String bucket, String key, FrontRequest request) {
        StoredObject object = find(bucket, key);
        Map<String, List<String>> headers = headers(object, request);
        headers.put("Content-Length", List.of(String.valueOf(object.size())));
        return new FrontResponse(200, headers, new byte[0]);
    }

    FrontResponse deleteObject(String bucket, String key) {
        store.delete(bucket, key);
        return new FrontResponse(204, Map.of(), new byte[0]);
    }

    private StoredObject find(String bucket, String key) {
        return store.get(bucket, key).orElseThrow(() -> S3Error.noSuchKey(key));
    }

    /**
     * What S3 sends with an object. Checksums only when asked for ({@code x-amz-checksum-mode:
     * ENABLED}), as S3 does; the SDK then checks the body against them.
     */
    private static Map<String, List<String>> headers(StoredObject object, FrontRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(object.contentType()));
        headers.put("ETag", List.of(object.etag()));
        headers.put("Last-Modified", List.of(S3Xml.httpTime(object.lastModified())));
        headers.put("Accept-Ranges", List.of("bytes"));
        object.metadata().forEach((name, value) -> headers.put(name, List.of(value)));
        String checksumMode = request.header("x-amz-checksum-mode");
        if (checksumMode != null && checksumMode.toUpperCase(Locale.ROOT).equals("ENABLED") && !object.checksums().isEmpty()) {
            object.checksums().forEach((name, value) -> headers.put(name, List.of(value)));
            headers.put("x-amz-checksum-type", List.of("FULL_OBJECT"));
        }
        return headers;
    }
}
