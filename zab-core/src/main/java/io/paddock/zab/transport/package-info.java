/**
 * The peer transport: ZAB's messages between the servers of an ensemble, on Netty.
 *
 * <p><b>Ports.</b> Each server binds an election port and a quorum port
 * ({@link io.paddock.zab.transport.PeerAddress}, ZooKeeper's
 * {@code server.N=host:quorumPort:electionPort}). Every
 * {@link io.paddock.zab.message.PeerMessage} between two servers, votes and protocol alike,
 * travels over one connection on the election port, so each pair has one FIFO channel as the core
 * requires; only the larger id's connection is kept (ZooKeeper's rule, see
 * {@link io.paddock.zab.transport.ElectionLinks}). The quorum port carries snapshot streams only.
 * Heartbeats are the core's own PINGs; there is no transport-level idle timeout.
 *
 * <p><b>Wire format</b> (version 1). Every frame on both ports is
 * {@code int32 length, int32 crc32c, int8 type, fields} ({@link io.paddock.zab.transport.Frames});
 * a bad length or checksum closes the connection and nothing of it reaches the core. On the
 * election port the first frame each way is a Hello (type 0: {@code int32 version, int64 id}),
 * then messages with types 1 to 15 as listed in {@link io.paddock.zab.transport.PeerMessageCodec}.
 * A snapshot stream is a header, chunks of up to 64 KiB and an end frame with the whole stream's
 * CRC32C ({@link io.paddock.zab.transport.SnapshotFrames}).
 *
 * <p><b>Security.</b> Each connection's pipeline is, in order: TLS
 * ({@link io.paddock.zab.transport.PeerTls}; with port unification a detector first decides TLS
 * or plaintext from the first bytes), then the authentication exchange
 * ({@link io.paddock.zab.transport.PeerAuthenticator}, frames of type 0x41 before anything else,
 * see {@link io.paddock.zab.transport.PeerAuthHandler}), then the frames above. Both are optional
 * and configured by the server module; the transport knows no key store or JAAS file.
 */
package io.paddock.zab.transport;
