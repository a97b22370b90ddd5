package dev.hake.embedded.internal.s3;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 REST API, path-style ({@code /bucket/key}), in memory: dispatches each request to its
 * operation, and answers errors as S3's {@code <Error>} documents with S3's codes and status, so
 * the SDK raises {@code NoSuchKeyException}, {@code NoSuchBucketException}, and so on. Operations
 * not offered answer 501 NotImplemented, naming the request.
 */
public final class S3Front {

    private static final Logger LOG = LoggerFactory.getLogger(S3Front.class);

    /** The service in a SigV4 credential scope: {@code Credential=AKID/20250101/us-east-1/s3/aws4_request}. */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");
    private static final Pattern PRESIGNED_CREDENTIAL = Pattern.compile("(?:^|&)X-Amz-Credential=([^&]*)");
    private static final String SERVICE = "s3";

    /**
     * Query parameters that make a request another operation than the path alone says (GET
     * /bucket/key?tagging is GetObjectTagging). Others, such as the SDK's {@code x-id}, are ignored.
     */
    private static final Set<String> SUBRESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "location", "logging", "metadataTable", "metrics", "notification",
            "object-lock", "ownershipControls", "partNumber", "policy", "policyStatus", "publicAccessBlock",
            "replication", "requestPayment", "restore", "retention", "select", "session", "tagging", "torrent",
            "uploadId", "uploads", "versioning", "versionId", "versions", "website");

    private final BucketOperations buckets;
    private final ObjectOperations objects;

    /** @param region the region HeadBucket and GetBucketLocation report */
    public S3Front(String region) {
        S3Store store = new S3Store();
        this.buckets = new BucketOperations(store, region, Clock.systemUTC());
        this.objects = new ObjectOperations(store, Clock.systemUTC());
    }

    /**
     * Whether a request is for S3: its SigV4 credential scope names the service, in the
     * Authorization header or, for a presigned URL, in {@code X-Amz-Credential}.
     */
    public static boolean accepts(FrontRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            return SERVICE.equals(scopeService(authorization));
        }
        String query = request.uri().getRawQuery();
        Matcher presigned = query == null ? null : PRESIGNED_CREDENTIAL.matcher(query);
        if (presigned == null || !presigned.find()) {
            return false;
        }
        try {
            return SERVICE.equals(scopeService("Credential=" + URLDecoder.decode(presigned.group(1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException brokenEscape) {
            return false;
        }
    }

    public FrontResponse handle(FrontRequest request) {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        Map<String, List<String>> ids = Map.of("x-amz-request-id", List.of(requestId),
                "x-amz-id-2", List.of(requestId));
        try {
            FrontResponse response = dispatch(request);
            Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
            headers.putAll(ids);
            return new FrontResponse(response.status(), headers, response.body());
        } catch (S3Error e) {
            LOG.debug("{} {} refused [requestId={}]: {} {}", request.method(), request.uri().getRawPath(), requestId,
                    e.code(), e.getMessage());
            return e.toResponse(isHead(request), ids, requestId);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed inside the embedded S3 [requestId={}]", request.method(), request.uri().getRawPath(),
                    requestId, e);
            return S3Error.internal("The embedded S3 failed: " + e).toResponse(isHead(request), ids, requestId);
        }
    }

    private FrontResponse dispatch(FrontRequest request) {
        S3Path path = S3Path.parse(request.uri().getRawPath());
        Map<String, String> query = parseQuery(request.uri().getRawQuery());
        String subresource = query.keySet().stream().filter(SUBRESOURCES::contains).findFirst().orElse(null);
        String method = request.method();
        if (path.bucket() == null) {
            if (!method.equals("GET")) {
                throw S3Error.methodNotAllowed(method);
            }
            return buckets.listBuckets();
        }
        String bucket = path.bucket();
        if (path.key() == null) {
            return switch (method + (subresource == null ? "" : "?" + subresource)) {
                case "PUT" -> buckets.createBucket(bucket);
                case "HEAD" -> buckets.headBucket(bucket);
                case "DELETE" -> buckets.deleteBucket(bucket);
                case "GET" -> {
                    if (!"2".equals(query.get("list-type"))) {
                        throw S3Error.notImplemented("ListObjects (version 1; use ListObjectsV2)");
                    }
                    yield buckets.listObjectsV2(bucket, query);
                }
                case "GET?location" -> buckets.bucketLocation(bucket);
                case "POST?delete" -> buckets.deleteObjects(bucket, request);
                default -> throw S3Error.notImplemented(describe(method, "/" + bucket, subresource));
            };
        }
        String key = path.key();
        if (method.equals("PUT") && request.header("x-amz-copy-source") != null) {
            throw S3Error.notImplemented("CopyObject");
        }
        return switch (method + (subresource == null ? "" : "?" + subresource)) {
            case "PUT" -> objects.putObject(bucket, key, request);
            case "GET" -> objects.getObject(bucket, key, request);
            case "HEAD" -> objects.headObject(bucket, key, request);
            case "DELETE" -> objects.deleteObject(bucket, key);
            default -> throw S3Error.notImplemented(describe(method, "/" + bucket + "/" + key, subresource));
        };
    }

    private static String describe(String method, String path, String subresource) {
        return method + " " + path + (subresource == null ? "" : "?" + subresource);
    }

    private static boolean isHead(FrontRequest request) {
        return "HEAD".equals(request.method());
    }

    private static String scopeService(String text) {
        Matcher matcher = CREDENTIAL_SCOPE.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Query parameters, decoded; a name without a value ({@code ?delete}) maps to the empty string. */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw S3Error.invalidUri("a broken percent escape in the query");
            }
        }
        return parameters;
    }
}
