/**
 * Implementation of {@link dev.hake.embedded.EmbeddedHake}: the front port, ElasticMQ, and the
 * routing between them. Not API: do not use from outside this module.
 */
package dev.hake.embedded.internal;
