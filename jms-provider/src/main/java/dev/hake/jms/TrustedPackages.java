package dev.hake.jms;

import java.util.List;
import java.util.function.Predicate;

/** Turns the trustedPackages setting into the class-name filter ObjectMessage deserialises through. */
final class TrustedPackages {

    private TrustedPackages() {
    }

    /** Allows a class in one of the packages or their sub-packages; "*" allows every class. */
    static Predicate<String> filter(List<String> packages) {
        List<String> prefixes = packages.stream().map(p -> p + ".").toList();
        boolean all = packages.contains("*");
        return className -> all || prefixes.stream().anyMatch(className::startsWith);
    }
}
