package dev.hake.embedded.internal.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of ListObjectsV2: the keys after a marker that start with a prefix, those with the
 * delimiter after the prefix rolled up into common prefixes, at most {@code maxKeys} entries of
 * either kind. The continuation token is the last key or common prefix of the page, encoded.
 *
 * @param contents       the objects of this page, by key, in key order
 * @param commonPrefixes the rolled-up prefixes of this page, in key order
 * @param nextToken      the token for the next page, or null if this page is the last
 */
record ObjectListing(List<Map.Entry<String, StoredObject>> contents, List<String> commonPrefixes, String nextToken) {

    /**
     * @param after the key (or common prefix) after which to start, or null for the beginning
     */
    static ObjectListing page(NavigableMap<String, StoredObject> objects, String prefix, String delimiter,
                              String after, int maxKeys) {
        NavigableMap<String, StoredObject> candidates = objects;
        if (after != null && KeyOrder.INSTANCE.compare(after, prefix) >= 0) {
            candidates = objects.tailMap(after, false);
        } else if (!prefix.isEmpty()) {
            candidates = objects.tailMap(prefix, true);
        }
        List<Map.Entry<String, StoredObject>> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, StoredObject> entry : candidates.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break; // keys that share a prefix are contiguous in key order
            }
            String rolledUp = rolledUp(key, prefix, delimiter);
            if (rolledUp != null && (rolledUp.equals(last) || rolledUp.equals(after))) {
                continue; // a further key under a common prefix already listed
            }
            if (contents.size() + commonPrefixes.size() == maxKeys) {
                return new ObjectListing(contents, commonPrefixes, maxKeys == 0 ? null : token(last));
            }
            if (rolledUp != null) {
                commonPrefixes.add(rolledUp);
                last = rolledUp;
            } else {
                contents.add(Map.entry(key, entry.getValue()));
                last = key;
            }
        }
        return new ObjectListing(contents, commonPrefixes, null);
    }

    int keyCount() {
        return contents.size() + commonPrefixes.size();
    }

    /** The prefix up to and including the first delimiter after {@code prefix}, or null if the key has none. */
    private static String rolledUp(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    static String token(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws S3Error InvalidArgument if the token is not one this listing gave out */
    static String marker(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidArgument("The continuation token provided is incorrect");
        }
    }
}
