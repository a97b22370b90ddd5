package dev.hake.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An ObjectInputStream that resolves only classes its filter trusts, checking the name before the
 * class is loaded. Classes are looked up in the thread's context class loader first, as application
 * servers expect, then as ObjectInputStream does by default.
 */
final class TrustedObjectInputStream extends ObjectInputStream {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    private final Predicate<String> trustedClasses;

    TrustedObjectInputStream(InputStream in, Predicate<String> trustedClasses) throws IOException {
        super(in);
        this.trustedClasses = trustedClasses;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        String name = desc.getName();
        check(name);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, false, context);
            } catch (ClassNotFoundException e) {
                // Fall through to ObjectInputStream's own lookup (the latest user-defined loader).
            }
        }
        return super.resolveClass(desc);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
        for (String name : interfaces) {
            check(name);
        }
        return super.resolveProxyClass(interfaces);
    }

    private void check(String name) throws UntrustedClassException {
        String element = elementClass(name);
        if (element != null && !PRIMITIVES.contains(element) && !trustedClasses.test(element)) {
            throw new UntrustedClassException(element);
        }
    }

    /** The class an array name is made of ("[[Ljava.lang.String;" is java.lang.String); null for a primitive array. */
    static String elementClass(String name) {
        if (!name.startsWith("[")) {
            return name;
        }
        String element = name.substring(name.lastIndexOf('[') + 1);
        if (element.length() > 2 && element.startsWith("L") && element.endsWith(";")) {
            return element.substring(1, element.length() - 1);
        }
        // A primitive type code is harmless; anything else malformed is handed to the filter as it is.
        return element.length() == 1 && "ZBCSIJFD".contains(element) ? null : element;
    }
}
