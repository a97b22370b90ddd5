package dev.hake.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deserialises JMS ObjectMessage bodies, refusing every class outside the trusted packages before
 * it is loaded, so that a hostile payload never runs a gadget chain.
 */
final class ObjectBodies {

    private ObjectBodies() {
    }

    /** Trusts classes in these packages and their sub-packages; the name * trusts every class. */
    static Predicate<String> trusting(List<String> packages) {
        if (packages.contains("*")) {
            return className -> true;
        }
        List<String> prefixes = packages.stream().map(p -> p + ".").toList();
        return className -> prefixes.stream().anyMatch(className::startsWith);
    }

    /** @throws IllegalStateException if the body holds an untrusted class or cannot be read */
    static Object read(byte[] serialised, Predicate<String> trustedClasses) {
        try (ObjectInputStream in = new TrustedInput(serialised, trustedClasses)) {
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("the ObjectMessage body was not deserialised: class " + e.classname
                    + " is not in the trusted packages (option trustedPackages)", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialise the ObjectMessage body: " + e, e);
        }
    }

    private static final class TrustedInput extends ObjectInputStream {
        private final Predicate<String> trusted;

        TrustedInput(byte[] bytes, Predicate<String> trusted) throws IOException {
            super(new ByteArrayInputStream(bytes));
            this.trusted = trusted;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            String element = name.replaceFirst("^\\[+", "");
            // A primitive array ("[I") is always safe; an object array is judged by its element class.
            boolean primitiveArray = !element.equals(name) && element.length() == 1;
            String className = element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
            if (!primitiveArray && !trusted.test(className)) {
                throw new InvalidClassException(className, "not in the trusted packages");
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(name, false, context);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}
