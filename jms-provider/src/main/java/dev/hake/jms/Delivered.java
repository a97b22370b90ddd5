package dev.hake.jms;

import dev.hake.core.receive.ReceivedMessage;

/** A message a session handed to its application, and the consumer it came through (where a recover puts it back). */
record Delivered(HakeMessageConsumer consumer, ReceivedMessage received) {
}
