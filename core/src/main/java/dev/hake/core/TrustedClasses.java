package dev.hake.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Class-name filters for ObjectMessage bodies received from the wire: a class outside them is
 * refused before it is loaded, so a hostile payload never runs a gadget chain. Primitive arrays are
 * always allowed; an array of objects is judged by its element class, and a proxy by each of its
 * interfaces. Every face (JMS, Camel) deserialises through {@link #deserialise} so that the rule
 * lives in one place.
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

    /**
     * Reads one serialised object, loading only classes that {@code trusted} accepts.
     *
     * @throws UntrustedClassException for a class (or a proxy's interface) outside the filter; it was not loaded
     * @throws IOException if the bytes are not a readable serialised object
     * @throws ClassNotFoundException if a trusted class is not on the class path
     */
    public static Object deserialise(byte[] serialised, Predicate<String> trusted)
            throws IOException, ClassNotFoundException {
        try (TrustedObjectInputStream in = new TrustedObjectInputStream(new ByteArrayInputStream(serialised), trusted)) {
            return in.readObject();
        }
    }
}
