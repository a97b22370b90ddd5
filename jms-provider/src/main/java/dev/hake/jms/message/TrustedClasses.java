package dev.hake.jms.message;

import java.util.List;
import java.util.function.Predicate;

/**
 * Class-name filters for ObjectMessage bodies received from the wire: a class outside them is
 * refused before it is loaded, so a hostile payload never runs a gadget chain. Primitive arrays are
 * always allowed; an array of objects is judged by its element class.
 */
public final class TrustedClasses {

    /** The packages {@link #defaults()} trusts, sub-packages included. */
    public static final List<String> DEFAULT_PACKAGES = List.of("java.lang", "java.util", "java.time", "java.math");

    private static final Predicate<String> DEFAULTS = packages(DEFAULT_PACKAGES);

    private TrustedClasses() {
    }

    /** Trusts java.lang, java.util, java.time and java.math, and their sub-packages. */
    public static Predicate<String> defaults() {
        return DEFAULTS;
    }

    /**
     * Trusts classes in {@code packageNames} and their sub-packages (the {@code trustedPackages}
     * setting); the name {@code *} trusts every class.
     */
    public static Predicate<String> packages(List<String> packageNames) {
        if (packageNames.contains("*")) {
            return className -> true;
        }
        List<String> prefixes = packageNames.stream().map(p -> p + ".").toList();
        return className -> prefixes.stream().anyMatch(className::startsWith);
    }
}
