package io.paddock.zab.message;

/**
 * Bytes the application above ZAB sends to another peer over the same FIFO channel as the
 * protocol's messages (a server forwarding a client's write to its leader, the leader's answer to
 * a sync). The core never sees one: the runtime hands relays to the application as they arrive.
 *
 * @param payload owned by the message once built; never changed afterwards
 */
public record Relay(long from, long to, byte[] payload) implements PeerMessage {
}
