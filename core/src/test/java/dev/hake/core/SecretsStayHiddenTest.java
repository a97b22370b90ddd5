package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/**
 * The secret key, the session token and a role's external id appear in no text hake makes of its
 * settings: not in {@link HakeSettings#toString()}, not in the message of a refused URI or option.
 * (That an STS refusal holds none of them either is checked by {@code AssumedRoleTest}.)
 */
class SecretsStayHiddenTest {

    private static final String SECRET = "secretKeyThatMustNotShow";
    private static final String TOKEN = "sessionTokenThatMustNotShow";
    private static final String EXTERNAL_ID = "externalIdThatMustNotShow";
    private static final String CREDENTIALS = "accessKeyId=AKIAHAKEBASEKEY00001&secretAccessKey=" + SECRET
            + "&sessionToken=" + TOKEN + "&roleArn=arn:aws:iam::123456789012:role/hake-test&roleExternalId="
            + EXTERNAL_ID;

    @Test
    void toStringSaysThatCredentialsAndAnExternalIdAreSetButNotWhatTheyAre() {
        HakeSettings settings = HakeUri.parse("hake:?region=eu-west-1&" + CREDENTIALS);

        assertThat(settings.toString())
                .contains("static (hidden)", "roleArn=arn:aws:iam::123456789012:role/hake-test", "roleExternalId=(hidden)")
                .doesNotContain(SECRET, TOKEN, EXTERNAL_ID);
    }

    @Test
    void aRefusedUriOrOptionDoesNotRepeatTheCredentials() {
        String[] refused = {
            "hake?" + CREDENTIALS,                                    // not a hake URI
            "hake:somewhere?" + CREDENTIALS,                          // unknown target
            "hake:?" + CREDENTIALS + "&unknownOption=1",              // unknown option
            "hake:?" + CREDENTIALS + "&secretAccessKey=" + SECRET,    // an option twice
            "hake:?" + CREDENTIALS + "&roleSessionName=no spaces",    // a bad value beside them
            "hake:?" + CREDENTIALS + "&maxRedeliveryDelaySeconds=0&redeliveryDelaySeconds=5", // refused by build()
            "hake:?secretAccessKey=" + SECRET,                        // a key without its id
            "hake:?roleExternalId=" + EXTERNAL_ID,                    // an external id without a role
        };
        for (String uri : refused) {
            Throwable failure = catchThrowable(() -> HakeUri.parse(uri));
            assertThat(failure).as(uri).isInstanceOf(IllegalArgumentException.class);
            assertThat(failure.getMessage()).as(uri).doesNotContain(SECRET, TOKEN, EXTERNAL_ID);
        }
    }
}
