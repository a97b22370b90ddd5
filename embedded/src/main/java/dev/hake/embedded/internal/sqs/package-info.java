/** The SQS side of the front: forwarding to ElasticMQ, and the few attributes it does not keep. Not API. */
package dev.hake.embedded.internal.sqs;
