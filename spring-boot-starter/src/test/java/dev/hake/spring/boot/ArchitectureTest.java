package dev.hake.spring.boot;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/** The starter is a face like JMS: it reaches AWS only through core's API. */
class ArchitectureTest {

    @Test
    void talksToAwsOnlyThroughCore() {
        Layering.faceDoesNotTalkToAws("dev.hake.spring");
    }

    @Test
    void usesOnlyCoresApi() {
        Layering.faceUsesOnlyCoreApi("dev.hake.spring");
    }

    @Test
    void packagesFormNoCycle() {
        Layering.noPackageCycles("dev.hake.spring");
    }
}
