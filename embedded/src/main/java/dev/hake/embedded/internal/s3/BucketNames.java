package dev.hake.embedded.internal.s3;

import java.util.List;
import java.util.regex.Pattern;

/** S3's rules for the name of a new general purpose bucket. */
final class BucketNames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]{3,63}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    /** @throws S3Error InvalidBucketName, saying which rule the name breaks */
    static void check(String name) {
        String why = null;
        if (name.length() < 3 || name.length() > 63) {
            why = "a bucket name has 3 to 63 characters";
        } else if (!ALLOWED.matcher(name).matches()) {
            why = "a bucket name has only lowercase letters, digits, '.' and '-'";
        } else if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            why = "a bucket name begins and ends with a letter or digit";
        } else if (name.contains("..")) {
            why = "a bucket name has no two adjacent periods";
        } else if (IP_ADDRESS.matcher(name).matches()) {
            why = "a bucket name is not an IP address";
        } else if (RESERVED_PREFIXES.stream().anyMatch(name::startsWith)
                || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            why = "a bucket name does not begin with " + RESERVED_PREFIXES + " nor end with " + RESERVED_SUFFIXES;
        }
        if (why != null) {
            throw S3Error.invalidBucketName(name, why);
        }
    }
}
