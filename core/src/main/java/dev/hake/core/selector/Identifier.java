package dev.hake.core.selector;

import java.util.function.Function;

/**
 * A header field or property reference. The six header fields a selector may use have known types;
 * any other name is a property whose type depends on the message.
 */
record Identifier(String name) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return identifiers.apply(name);
    }

    @Override
    public ValueType type() {
        switch (name) {
            case "JMSPriority":
            case "JMSTimestamp":
                return ValueType.NUMBER;
            case "JMSDeliveryMode": // seen as 'PERSISTENT' or 'NON_PERSISTENT'
            case "JMSMessageID":
            case "JMSCorrelationID":
            case "JMSType":
                return ValueType.STRING;
            default:
                return ValueType.ANY;
        }
    }
}
