/**
 * A minimal S3 on the embedded endpoint's port, in memory: buckets and objects by path-style
 * requests ({@code PUT /bucket/key}), enough for the SQS extended client's claim checks and for
 * tests that count what is stored. Requests are recognised by the {@code s3} service in their
 * SigV4 credential scope; signatures are not checked. Not API.
 */
package dev.hake.embedded.internal.s3;
