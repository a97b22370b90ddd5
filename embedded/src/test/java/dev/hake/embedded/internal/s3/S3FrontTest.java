package dev.hake.embedded.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3 front on requests made by hand: routing, paths, errors, and the checks on uploads. */
class S3FrontTest {

    private static final String S3_AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=AKID/20250804/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00";

    private final S3Front front = new S3Front("us-east-1");

    @BeforeEach
    void bucket() {
        assertThat(send("PUT", "/bucket", Map.of(), "").status()).isEqualTo(200);
    }

    @Test
    void requestsAreS3sByTheServiceOfTheirCredentialScope() {
        assertThat(S3Front.accepts(request("GET", "/", Map.of("authorization", S3_AUTHORIZATION), ""))).isTrue();
        assertThat(S3Front.accepts(request("POST", "/", Map.of("authorization", S3_AUTHORIZATION.replace("/s3/", "/sqs/")), "")))
                .isFalse();
        assertThat(S3Front.accepts(request("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + "AKID%2F20250804%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=00", Map.of(), ""))).isTrue();
        assertThat(S3Front.accepts(new FrontRequest("GET", URI.create("/b/k"), Map.of(), new byte[0]))).isFalse();
    }

    @Test
    void keysArePercentDecodedWithSlashesKeptAndPlusSignsLiteral() {
        send("PUT", "/bucket/a%20b/c+d/%E2%82%AC", Map.of(), "euro");

        assertThat(body(send("GET", "/bucket/a%20b/c+d/%E2%82%AC", Map.of(), ""))).isEqualTo("euro");
        assertThat(body(send("GET", "/bucket?list-type=2&encoding-type=url", Map.of(), "")))
                .contains("<Key>a+b/c%2Bd/%E2%82%AC</Key>").contains("<EncodingType>url</EncodingType>");
        assertThat(body(send("GET", "/bucket?list-type=2", Map.of(), ""))).contains("<Key>a b/c+d/€</Key>");
    }

    @Test
    void errorsAreS3ErrorDocumentsButHeadGetsTheStatusAlone() {
        FrontResponse missingKey = send("GET", "/bucket/missing", Map.of(), "");
        FrontResponse headMissing = send("HEAD", "/bucket/missing", Map.of(), "");

        assertThat(missingKey.status()).isEqualTo(404);
        assertThat(body(missingKey)).contains("<Code>NoSuchKey</Code>").contains("<Key>missing</Key>");
        assertThat(missingKey.headers()).containsKey("x-amz-request-id");
        assertThat(headMissing.status()).isEqualTo(404);
        assertThat(headMissing.body()).isEmpty();
        assertThat(body(send("GET", "/other/missing", Map.of(), ""))).contains("<Code>NoSuchBucket</Code>")
                .contains("<BucketName>other</BucketName>");
    }

    @Test
    void bucketNamesAreCheckedAsS3ChecksThem() {
        for (String name : List.of("ab", "Upper", "under_score", "-dash", "dash-", "a..b", "10.0.0.1", "xn--punycode",
                "name-s3alias", "a".repeat(64))) {
            FrontResponse response = send("PUT", "/" + name, Map.of(), "");
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(body(response)).as(name).contains("<Code>InvalidBucketName</Code>");
        }
        assertThat(send("PUT", "/my.bucket-1", Map.of(), "").status()).isEqualTo(200);
        assertThat(send("PUT", "/" + "a".repeat(63), Map.of(), "").status()).isEqualTo(200);
    }

    @Test
    void uploadsAreCheckedAgainstTheirLengthAndChecksums() {
        Map<String, String> chunked = Map.of("content-encoding", "aws-chunked",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length", "11");

        assertThat(send("PUT", "/bucket/ok", chunked, "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n")
                .status()).isEqualTo(200);
        assertThat(body(send("PUT", "/bucket/bad-crc", chunked, "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n")))
                .contains("<Code>BadDigest</Code>").contains("CRC32");
        assertThat(body(send("PUT", "/bucket/short", chunked, "5\r\nhello\r\n0\r\n\r\n")))
                .contains("<Code>IncompleteBody</Code>");
        assertThat(body(send("PUT", "/bucket/broken", chunked, "hello world")))
                .contains("<Code>InvalidRequest</Code>").contains("aws-chunked");
        assertThat(body(send("PUT", "/bucket/md5", Map.of("content-md5", "XrY7u+Ae7tCTyyK7j1rNww=="), "hello world!")))
                .contains("<Code>BadDigest</Code>").contains("Content-MD5");
        assertThat(send("PUT", "/bucket/md5", Map.of("content-md5", "XrY7u+Ae7tCTyyK7j1rNww=="), "hello world").status())
                .isEqualTo(200);
        assertThat(send("PUT", "/bucket/sha", Map.of("x-amz-checksum-sha256",
                "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="), "hello world").status()).isEqualTo(200);
        assertThat(body(send("GET", "/bucket?list-type=2", Map.of(), ""))).contains("<KeyCount>3</KeyCount>");
    }

    @Test
    void storedChecksumsAndMetadataComeBackWithTheObject() {
        send("PUT", "/bucket/k", Map.of("x-amz-checksum-crc32", "DUoRhQ==", "x-amz-meta-origin", "test",
                "content-type", "text/plain"), "hello world");

        FrontResponse plain = send("GET", "/bucket/k", Map.of(), "");
        FrontResponse checked = send("HEAD", "/bucket/k", Map.of("x-amz-checksum-mode", "ENABLED"), "");

        assertThat(plain.headers()).containsEntry("Content-Type", List.of("text/plain"))
                .containsEntry("x-amz-meta-origin", List.of("test"))
                .containsEntry("ETag", List.of("\"5eb63bbbe01eeed093cb22bb8f5acdc3\""))
                .doesNotContainKey("x-amz-checksum-crc32");
        assertThat(checked.headers()).containsEntry("x-amz-checksum-crc32", List.of("DUoRhQ=="))
                .containsEntry("Content-Length", List.of("11"));
        assertThat(checked.body()).isEmpty();
    }

    @Test
    void deleteObjectsTakesS3sXmlAndRefusesWhatIsNot() {
        send("PUT", "/bucket/a", Map.of(), "a");
        String delete = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Object><Key>a</Key></Object><Object><Key>b &amp; c</Key></Object><Quiet>false</Quiet></Delete>";

        assertThat(body(send("POST", "/bucket?delete", Map.of(), delete)))
                .contains("<Deleted><Key>a</Key></Deleted>").contains("<Deleted><Key>b &amp; c</Key></Deleted>");
        assertThat(body(send("POST", "/bucket?delete", Map.of(), delete.replace("false", "true"))))
                .doesNotContain("<Deleted>");
        assertThat(body(send("POST", "/bucket?delete", Map.of(), "<Delete><Object>"))).contains("<Code>MalformedXML</Code>");
        assertThat(body(send("POST", "/bucket?delete", Map.of(), "<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Delete><Object><Key>&e;</Key></Object></Delete>"))).contains("<Code>MalformedXML</Code>");
    }

    @Test
    void whatIsNotOfferedIsNotImplementedNamingTheRequest() {
        FrontResponse multipart = send("POST", "/bucket/big?uploads", Map.of(), "");
        FrontResponse copy = send("PUT", "/bucket/copy", Map.of("x-amz-copy-source", "/bucket/a"), "");

        assertThat(multipart.status()).isEqualTo(501);
        assertThat(body(multipart)).contains("<Code>NotImplemented</Code>").contains("POST /bucket/big?uploads");
        assertThat(body(copy)).contains("CopyObject");
        assertThat(send("GET", "/bucket", Map.of(), "").status()).isEqualTo(501);
    }

    private FrontResponse send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("authorization", S3_AUTHORIZATION);
        return front.handle(request(method, pathAndQuery, all, body));
    }

    private static FrontRequest request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new FrontRequest(method, URI.create(pathAndQuery), multi, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(FrontResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
