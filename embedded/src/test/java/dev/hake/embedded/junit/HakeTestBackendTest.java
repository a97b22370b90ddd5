package dev.hake.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HakeTestBackendTest {

    private final HakeTestBackend backend =
            new HakeTestBackend("moto", URI.create("http://127.0.0.1:4566"), "us-east-1", "test", "te/st+");

    @Test
    void hakeUriCarriesEndpointRegionAndCredentialsUrlEncoded() {
        assertThat(backend.hakeUri()).isEqualTo("hake:?endpoint=http%3A%2F%2F127.0.0.1%3A4566&region=us-east-1"
                + "&accessKeyId=test&secretAccessKey=te%2Fst%2B");
    }

    @Test
    void extraOptionsAreAppended() {
        assertThat(backend.hakeUri("prefix=it-&batch=true")).isEqualTo(backend.hakeUri() + "&prefix=it-&batch=true");
        assertThat(backend.hakeUri("&prefix=it-")).isEqualTo(backend.hakeUri() + "&prefix=it-");
        assertThat(backend.hakeUri("")).isEqualTo(backend.hakeUri());
    }

    @Test
    void toStringLeavesTheSecretOut() {
        assertThat(backend.toString()).contains("moto", "http://127.0.0.1:4566").doesNotContain("te/st+");
    }
}
