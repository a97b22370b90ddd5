package dev.hake.ra;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/** The adapter is a face: it reaches AWS only through core (here, through the JMS provider), and its packages form no cycle. */
class ArchitectureTest {

    @Test
    void talksToAwsOnlyThroughCore() {
        Layering.faceDoesNotTalkToAws("dev.hake.ra");
    }

    @Test
    void usesOnlyCoresApi() {
        Layering.faceUsesOnlyCoreApi("dev.hake.ra");
    }

    @Test
    void packagesFormNoCycle() {
        Layering.noPackageCycles("dev.hake.ra");
    }
}
