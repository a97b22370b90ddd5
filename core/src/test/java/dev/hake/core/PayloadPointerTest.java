package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pointer body is the JSON Amazon's payload-offloading library writes and reads. */
class PayloadPointerTest {

    @Test
    void writesThePointerAsAmazonsExtendedClientsDo() {
        assertThat(new PayloadPointer("orders-large", "6f1c0c9e-7d1a-4c4e-9a31-2b0d0f6f1b11").toBody()).isEqualTo(
                "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
                        + "{\"s3BucketName\":\"orders-large\",\"s3Key\":\"6f1c0c9e-7d1a-4c4e-9a31-2b0d0f6f1b11\"}]");
    }

    @Test
    void readsPointersWhateverTheirSpacingAndFieldOrder() {
        String spaced = " [ \"software.amazon.payloadoffloading.PayloadS3Pointer\" ,\n"
                + " { \"s3Key\" : \"a/b c\\\"d\\u00e9\" , \"s3BucketName\" : \"bucket-1\" } ] ";
        assertThat(PayloadPointer.parse(spaced)).contains(new PayloadPointer("bucket-1", "a/b c\"dé"));
    }

    @Test
    void aKeyWithQuotesAndBackslashesSurvivesTheRoundTrip() {
        PayloadPointer odd = new PayloadPointer("b-1", "dir/\"quoted\" \\ back\tslash");
        assertThat(PayloadPointer.parse(odd.toBody())).contains(odd);
    }

    @Test
    void otherBodiesAreNotPointers() {
        assertThat(PayloadPointer.parse("hello")).isEmpty();
        assertThat(PayloadPointer.parse("[\"some.other.Class\",{\"s3BucketName\":\"b\",\"s3Key\":\"k\"}]")).isEmpty();
        assertThat(PayloadPointer.parse("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3Key\":\"k\"}]"))
                .isEmpty();
        assertThat(PayloadPointer.parse(null)).isEmpty();
    }
}
