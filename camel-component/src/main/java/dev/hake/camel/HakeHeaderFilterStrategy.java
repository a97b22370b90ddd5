package dev.hake.camel;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Which Camel headers travel as message properties, and which message properties become Camel
 * headers. Leaving Camel: Camel's own headers ({@code Camel*}, {@code camel*},
 * {@code org.apache.camel.*}), hake's headers ({@code Hake*}, which map onto JMS header fields
 * instead) and {@code JMS*} names other than JMSXGroupID and JMSXGroupSeq (reserved by JMS) stay
 * behind. Arriving: a property named like a Camel header is dropped, so that a sender cannot steer
 * a route through Camel's internal headers.
 */
public class HakeHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public HakeHeaderFilterStrategy() {
        String[] camel = CAMEL_FILTER_STARTS_WITH;
        String[] out = new String[camel.length + 1];
        System.arraycopy(camel, 0, out, 0, camel.length);
        out[camel.length] = "Hake";
        setOutFilterStartsWith(out);
        setOutFilterPattern("JMS(?!XGroupID$|XGroupSeq$).*");
        setInFilterStartsWith(camel);
    }
}
