package dev.hake.embedded.internal.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One object as stored: its bytes and what S3 returns with them.
 *
 * @param content      the bytes (never changed after storing)
 * @param contentType  the Content-Type given at upload, or S3's default
 * @param etag         the quoted hex MD5 of the content, as S3 gives it for a single-part upload
 * @param lastModified when it was stored, to the second as S3 reports it
 * @param metadata     user metadata, header names ({@code x-amz-meta-*}) in lower case
 * @param checksums    checksum headers given at upload ({@code x-amz-checksum-crc32} and so on)
 */
record StoredObject(byte[] content, String contentType, String etag, Instant lastModified,
                    Map<String, String> metadata, Map<String, String> checksums) {

    StoredObject {
        metadata = Map.copyOf(metadata);
        checksums = Map.copyOf(checksums);
    }

    int size() {
        return content.length;
    }
}
