package dev.hake.embedded.internal.sns;

import java.net.URI;

/**
 * What the SNS front needs to know about where it runs.
 *
 * @param region    region in every ARN it makes
 * @param accountId account in every ARN it makes
 * @param endpoint  the front's own address, for URLs inside notifications
 */
public record SnsSettings(String region, String accountId, URI endpoint) {
}
