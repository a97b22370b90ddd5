package dev.hake.core;

import java.io.InvalidClassException;

/** A serialised object names a class the trusted-classes filter refuses; that class was not loaded. */
public final class UntrustedClassException extends InvalidClassException {
    private static final long serialVersionUID = 1L;

    UntrustedClassException(String className) {
        super(className, "not in the trusted packages");
    }
}
