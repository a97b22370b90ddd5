package dev.hake.embedded.internal.filter;

/** A filter policy that is malformed, too complex, or uses something this SNS does not support. */
public final class InvalidFilterPolicyException extends IllegalArgumentException {

    InvalidFilterPolicyException(String message) {
        super(message);
    }
}
