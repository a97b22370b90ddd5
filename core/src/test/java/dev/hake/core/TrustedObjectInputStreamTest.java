package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustedObjectInputStreamTest {

    @Test
    void elementClassOfArrayNames() {
        assertThat(TrustedObjectInputStream.elementClass("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(TrustedObjectInputStream.elementClass("[[Ljava.lang.String;")).isEqualTo("java.lang.String");
        assertThat(TrustedObjectInputStream.elementClass("[I")).isNull();
        assertThat(TrustedObjectInputStream.elementClass("[[J")).isNull();
        assertThat(TrustedObjectInputStream.elementClass("[Lcom.evil.X")).isEqualTo("Lcom.evil.X");
    }
}
