package io.paddock.server.net;

/** A four-letter command read in place of a handshake, such as {@code ruok}. */
record FourLetterWord(String command) {
}
