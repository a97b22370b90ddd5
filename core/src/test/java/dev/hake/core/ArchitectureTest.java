package dev.hake.core;

import dev.hake.testing.Layering;
import org.junit.jupiter.api.Test;

/** Core's side of the layering: it knows no face, and its packages form no cycle. */
class ArchitectureTest {

    @Test
    void coreKnowsNeitherJmsNorCamel() {
        Layering.coreKnowsNoFace();
    }

    @Test
    void corePackagesFormNoCycle() {
        Layering.noPackageCycles("dev.hake.core");
    }
}
