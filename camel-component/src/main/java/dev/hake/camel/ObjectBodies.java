package dev.hake.camel;

import dev.hake.core.TrustedClasses;
import dev.hake.core.UntrustedClassException;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deserialises JMS ObjectMessage bodies through core's trusted-class rule, so that a hostile payload
 * never runs a gadget chain, and says which option to change when a class is refused.
 */
final class ObjectBodies {

    private ObjectBodies() {
    }

    /** Trusts classes in these packages and their sub-packages; the name * trusts every class. */
    static Predicate<String> trusting(List<String> packages) {
        return TrustedClasses.packages(packages);
    }

    /** @throws IllegalStateException if the body holds an untrusted class or cannot be read */
    static Object read(byte[] serialised, Predicate<String> trustedClasses) {
        try {
            return TrustedClasses.deserialise(serialised, trustedClasses);
        } catch (UntrustedClassException e) {
            throw new IllegalStateException("the ObjectMessage body was not deserialised: class " + e.classname
                    + " is not in the trusted packages (option trustedPackages)", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialise the ObjectMessage body: " + e, e);
        }
    }
}
