package io.paddock.zab.transport;

/**
 * The first frame on an election connection: who is calling, and which wire version it speaks.
 * The peer that accepted the connection answers with its own Hello once it keeps the connection.
 *
 * @param version the wire version ({@link PeerMessageCodec#VERSION})
 * @param id the sender's server id
 */
public record Hello(int version, long id) {
}
