package io.paddock.zab.transport;

import io.paddock.zab.message.PeerMessage;
import java.util.List;

/**
 * Moves {@link PeerMessage}s between the peers of an ensemble: one FIFO channel per pair (messages
 * may be lost across a reconnect, never reordered), plus bulk snapshot streams. {@link NettyTransport}
 * is the real one; tests wrap it to drop or watch messages.
 *
 * <p>Implementations are thread-safe, and no method blocks on the network.
 */
public interface Transport extends AutoCloseable {

    /** Binds this server's ports and starts connecting; events go to {@code listener}. */
    void start(TransportListener listener);

    /** Sends each message to its {@code to()}, keeping the order per destination. */
    void send(List<PeerMessage> messages);

    /**
     * Streams {@code snapshot}, the state at {@code zxid}, to {@code to}, on another thread; a
     * failed stream is logged and dropped (the learner's sync times out and starts again).
     */
    void sendSnapshot(long to, long zxid, byte[] snapshot);

    /** Closes every connection and port, as a crash would; idempotent. */
    @Override
    void close();
}
