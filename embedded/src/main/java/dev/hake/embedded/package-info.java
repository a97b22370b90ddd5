/**
 * An SNS+SQS+S3 endpoint inside the JVM, for tests and demos: {@link dev.hake.embedded.EmbeddedHake}.
 * Everything under {@code dev.hake.embedded.internal} is implementation and may change without notice.
 */
package dev.hake.embedded;
