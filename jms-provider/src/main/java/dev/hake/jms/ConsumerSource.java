package dev.hake.jms;

import dev.hake.core.receive.MessageFilter;

/**
 * Where a consumer reads from and what it accepts: the SQS queue, the filter for its selector and
 * noLocal, and what to undo when it closes (a non-durable subscription to remove, a registration
 * to drop).
 */
record ConsumerSource(String queueUrl, MessageFilter filter, String selector, boolean noLocal, Runnable onClose) {
}
