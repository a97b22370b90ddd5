/**
 * A JUnit 5 extension that gives integration tests an SNS+SQS backend (embedded, moto, LocalStack
 * or any endpoint), chosen by the system property {@code hake.test.backend}:
 * {@link dev.hake.embedded.junit.HakeBackendExtension}.
 */
package dev.hake.embedded.junit;
