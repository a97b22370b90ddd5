package dev.hake.camel;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/**
 * The Camel face's side of the layering: it reaches AWS only through core. (It is one package, so
 * there is no package cycle to check.)
 */
class ArchitectureTest {

    @Test
    void talksToAwsOnlyThroughCore() {
        Layering.faceDoesNotTalkToAws("dev.hake.camel");
    }

    @Test
    void usesOnlyCoresApi() {
        Layering.faceUsesOnlyCoreApi("dev.hake.camel");
    }
}
