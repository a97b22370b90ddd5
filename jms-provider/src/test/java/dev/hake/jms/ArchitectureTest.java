package dev.hake.jms;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/** The JMS face's side of the layering: it reaches AWS only through core, and its packages form no cycle. */
class ArchitectureTest {

    @Test
    void talksToAwsOnlyThroughCore() {
        Layering.faceDoesNotTalkToAws("dev.hake.jms");
    }

    @Test
    void usesOnlyCoresApi() {
        Layering.faceUsesOnlyCoreApi("dev.hake.jms");
    }

    @Test
    void packagesFormNoCycle() {
        Layering.noPackageCycles("dev.hake.jms");
    }
}
