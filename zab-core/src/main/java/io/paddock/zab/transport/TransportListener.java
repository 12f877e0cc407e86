package io.paddock.zab.transport;

import io.paddock.zab.message.PeerMessage;
import java.nio.file.Path;

/**
 * What the transport reports to the runtime. Called on transport threads: implementations only
 * hand the event over (post it to an inbox) and never block.
 *
 * <p>{@link #received} and {@link #disconnected} for one peer come from one thread, in the order
 * the connection produced them, so each peer's messages form one FIFO channel.
 */
public interface TransportListener {

    /** A message from another peer, addressed to this one, checked and decoded. */
    void received(PeerMessage message);

    /** The connection to {@code peerId} closed; messages on it may have been lost. */
    void disconnected(long peerId);

    /**
     * A whole snapshot stream from {@code from} arrived, checksums verified, in {@code file}; the
     * receiver of this call owns the file (and deletes it when done).
     */
    void snapshotReceived(long from, long zxid, Path file);
}
