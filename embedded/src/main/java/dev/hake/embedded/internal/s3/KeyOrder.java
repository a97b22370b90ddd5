package dev.hake.embedded.internal.s3;

import java.util.Comparator;

/**
 * The order S3 lists keys in: by their UTF-8 bytes, which is code point order. Java's own string
 * order differs for characters outside the Basic Multilingual Plane.
 */
final class KeyOrder implements Comparator<String> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
