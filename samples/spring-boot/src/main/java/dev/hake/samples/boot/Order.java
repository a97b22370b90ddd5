package dev.hake.samples.boot;

/** An order as the listener received it: the message's body and its {@code customer} property. */
public record Order(String text, String customer) {
}
