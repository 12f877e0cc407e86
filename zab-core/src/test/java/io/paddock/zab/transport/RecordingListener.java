package io.paddock.zab.transport;

import io.paddock.zab.message.PeerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Records every transport event, for tests. Thread-safe. */
final class RecordingListener implements TransportListener {
    record Snapshot(long from, long zxid, Path file) {
    }

    final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    final List<Long> disconnected = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Snapshot> snapshots = new LinkedBlockingQueue<>();

    @Override
    public void received(PeerMessage message) {
        received.add(message);
    }

    @Override
    public void disconnected(long peerId) {
        disconnected.add(peerId);
    }

    @Override
    public void snapshotReceived(long from, long zxid, Path file) {
        snapshots.add(new Snapshot(from, zxid, file));
    }

    List<PeerMessage> from(long id) {
        List<PeerMessage> out = new ArrayList<>();
        for (PeerMessage m : received) {
            if (m.from() == id) {
                out.add(m);
            }
        }
        return out;
    }
}
