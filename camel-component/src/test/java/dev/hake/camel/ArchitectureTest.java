package dev.hake.camel;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/** The Camel face's side of the layering: it reaches AWS only through core, and its packages form no cycle. */
class ArchitectureTest {

    @Test
    void talksToAwsOnlyThroughCore() {
        Layering.faceDoesNotTalkToAws("dev.hake.camel");
    }

    @Test
    void packagesFormNoCycle() {
        Layering.noPackageCycles("dev.hake.camel");
    }
}
