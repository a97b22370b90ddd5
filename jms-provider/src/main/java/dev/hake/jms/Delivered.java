package dev.hake.jms;

import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;

/**
 * A message a session handed to its application, and the receive buffer it came from (a consumer's,
 * or a connection consumer's): where a recover or a rollback puts it back.
 */
record Delivered(ReceiveBuffer origin, ReceivedMessage received) {
}
