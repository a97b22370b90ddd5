package dev.hake.embedded.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class ObjectListingTest {

    private final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KeyOrder.INSTANCE);

    @Test
    void pagesFollowEachOtherByTheirTokensWithinThePrefix() {
        store("a", "p/1", "p/2", "p/3", "p/4", "p/5", "q");

        List<String> keys = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ObjectListing page = ObjectListing.page(objects, "p/", null, after, 2);
            page.contents().forEach(entry -> keys.add(entry.getKey()));
            after = page.nextToken() == null ? null : ObjectListing.marker(page.nextToken());
            pages++;
        } while (after != null);

        assertThat(keys).containsExactly("p/1", "p/2", "p/3", "p/4", "p/5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aDelimiterRollsKeysUpIntoCommonPrefixesCountedOnceAcrossPages() {
        store("d/a/1", "d/a/2", "d/a/3", "d/b", "d/c/1", "d/d");

        ObjectListing first = ObjectListing.page(objects, "d/", "/", null, 2);
        ObjectListing second = ObjectListing.page(objects, "d/", "/", ObjectListing.marker(first.nextToken()), 2);

        assertThat(first.commonPrefixes()).containsExactly("d/a/");
        assertThat(keys(first)).containsExactly("d/b");
        assertThat(second.commonPrefixes()).containsExactly("d/c/");
        assertThat(keys(second)).containsExactly("d/d");
        assertThat(second.nextToken()).as("nothing after d/d").isNull();
    }

    @Test
    void startAfterAndMaxKeysZero() {
        store("k1", "k2", "k3");

        assertThat(keys(ObjectListing.page(objects, "", null, "k1", 1000))).containsExactly("k2", "k3");
        ObjectListing none = ObjectListing.page(objects, "", null, null, 0);
        assertThat(none.keyCount()).isZero();
        assertThat(none.nextToken()).isNull();
    }

    @Test
    void keysAreInUtf8ByteOrderAsS3ListsThem() {
        store("\uFB01", "\uD834\uDD1E", "z"); // U+FB01 sorts before U+1D11E in UTF-8, after it in UTF-16

        assertThat(keys(ObjectListing.page(objects, "", null, null, 10))).containsExactly("z", "\uFB01", "\uD834\uDD1E");
    }

    @Test
    void aTokenThatIsNotOneIsInvalidArgument() {
        assertThatThrownBy(() -> ObjectListing.marker("not*base64"))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
    }

    private void store(String... keys) {
        for (String key : keys) {
            objects.put(key, new StoredObject(new byte[0], "binary/octet-stream", "\"\"", Instant.EPOCH, Map.of(), Map.of()));
        }
    }

    private static List<String> keys(ObjectListing page) {
        return page.contents().stream().map(Map.Entry::getKey).toList();
    }
}
