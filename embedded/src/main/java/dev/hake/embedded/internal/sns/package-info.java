/** The SNS Query API in front of ElasticMQ: topics, sqs subscriptions, publishing and fan-out. Not API. */
package dev.hake.embedded.internal.sns;
