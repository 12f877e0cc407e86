package io.paddock.zab.runtime;

import io.paddock.zab.message.Diff;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.transport.Transport;
import io.paddock.zab.transport.TransportListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport wrapped for tests: it can cut every outgoing message (the peer still runs and logs,
 * but nothing it says reaches anyone), and it records the sync messages (DIFF, TRUNC, SNAP) and
 * snapshot streams this peer receives.
 *
 * <p>Thread-safe.
 */
final class TappedTransport implements Transport {
    private final Transport inner;
    private volatile boolean mute;
    final List<PeerMessage> syncReceived = new CopyOnWriteArrayList<>();
    final AtomicInteger streamsReceived = new AtomicInteger();

    TappedTransport(Transport inner) {
        this.inner = inner;
    }

    /** From now on nothing this peer sends leaves it. */
    void mute() {
        mute = true;
    }

    boolean received(Class<? extends PeerMessage> kind) {
        return syncReceived.stream().anyMatch(kind::isInstance);
    }

    @Override
    public void start(TransportListener listener) {
        inner.start(new TransportListener() {
            @Override
            public void received(PeerMessage message) {
                if (message instanceof Diff || message instanceof Trunc || message instanceof Snap) {
                    syncReceived.add(message);
                }
                listener.received(message);
            }

            @Override
            public void disconnected(long peerId) {
                listener.disconnected(peerId);
            }

            @Override
            public void snapshotReceived(long from, long zxid, Path file) {
                streamsReceived.incrementAndGet();
                listener.snapshotReceived(from, zxid, file);
            }
        });
    }

    @Override
    public void send(List<PeerMessage> messages) {
        if (!mute) {
            inner.send(messages);
        }
    }

    @Override
    public void sendSnapshot(long to, long zxid, byte[] snapshot) {
        if (!mute) {
            inner.sendSnapshot(to, zxid, snapshot);
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
