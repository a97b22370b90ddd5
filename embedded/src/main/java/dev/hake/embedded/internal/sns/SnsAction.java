package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.Xml;

/** One SNS API action: reads its Query parameters and writes the inside of its {@code <XxxResult>}. */
@FunctionalInterface
interface SnsAction {

    /**
     * @throws SnsError for anything SNS would refuse
     */
    void handle(FormParameters request, Xml result);
}
