package dev.hake.embedded.internal.s3;

import dev.hake.embedded.internal.FrontResponse;
import dev.hake.embedded.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error S3 reports to the caller: its code and HTTP status are what the SDK turns into a typed
 * exception ({@code NoSuchKey} → {@code NoSuchKeyException}, and so on).
 */
final class S3Error extends RuntimeException {

    private final String code;
    private final int status;
    /** The element S3 adds to name what the error is about ({@code Key}, {@code BucketName}), or null. */
    private final String subjectElement;
    private final String subject;

    private S3Error(String code, int status, String message, String subjectElement, String subject) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.subjectElement = subjectElement;
        this.subject = subject;
    }

    String code() {
        return code;
    }

    static S3Error noSuchBucket(String bucket) {
        return new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", "BucketName", bucket);
    }

    static S3Error noSuchKey(String key) {
        return new S3Error("NoSuchKey", 404, "The specified key does not exist.", "Key", key);
    }

    static S3Error bucketAlreadyOwnedByYou(String bucket) {
        return new S3Error("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket"
                + " succeeded and you already own it.", "BucketName", bucket);
    }

    static S3Error bucketNotEmpty(String bucket) {
        return new S3Error("BucketNotEmpty", 409, "The bucket you tried to delete is not empty", "BucketName", bucket);
    }

    static S3Error invalidBucketName(String bucket, String why) {
        return new S3Error("InvalidBucketName", 400, "The specified bucket is not valid: " + why, "BucketName", bucket);
    }

    static S3Error invalidArgument(String message) {
        return new S3Error("InvalidArgument", 400, message, null, null);
    }

    static S3Error invalidUri(String message) {
        return new S3Error("InvalidURI", 400, "Couldn't parse the specified URI: " + message, null, null);
    }

    static S3Error incompleteBody(String message) {
        return new S3Error("IncompleteBody", 400, message, null, null);
    }

    static S3Error invalidChunkedBody(String message) {
        return new S3Error("InvalidRequest", 400, "The aws-chunked body is malformed: " + message, null, null);
    }

    static S3Error badDigest(String what) {
        return new S3Error("BadDigest", 400, "The " + what + " you specified did not match the calculated checksum.",
                null, null);
    }

    static S3Error invalidDigest(String what) {
        return new S3Error("InvalidDigest", 400, "The " + what + " you specified was invalid.", null, null);
    }

    static S3Error malformedXml(String why) {
        return new S3Error("MalformedXML", 400, "The XML you provided was not well-formed or did not validate"
                + " against our published schema: " + why, null, null);
    }

    static S3Error methodNotAllowed(String method) {
        return new S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource: "
                + method, null, null);
    }

    /** For the S3 operations this front does not offer, named so that a test failing on one says which. */
    static S3Error notImplemented(String operation) {
        return new S3Error("NotImplemented", 501, operation + " is not implemented by the embedded S3 (it offers"
                + " buckets, PutObject, GetObject, HeadObject, DeleteObject(s) and ListObjectsV2)", null, null);
    }

    static S3Error internal(String message) {
        return new S3Error("InternalError", 500, message, null, null);
    }

    /** The response S3 sends: an {@code <Error>} document, or, answering a HEAD request, the status alone. */
    FrontResponse toResponse(boolean head, Map<String, List<String>> headers, String requestId) {
        if (head) {
            return new FrontResponse(status, headers, new byte[0]);
        }
        Xml document = new Xml().open("Error").element("Code", code).element("Message", getMessage());
        if (subjectElement != null) {
            document.element(subjectElement, subject);
        }
        document.element("RequestId", requestId).close("Error");
        byte[] body = (S3Xml.DECLARATION + document).getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", List.of("application/xml"));
        return new FrontResponse(status, withType, body);
    }
}
