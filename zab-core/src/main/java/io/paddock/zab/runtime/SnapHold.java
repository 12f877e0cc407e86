package io.paddock.zab.runtime;

import io.paddock.zab.Zxids;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Snap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's side of a SNAP: the SNAP message comes over the election connection, the state it
 * stands for over the quorum port, in either order. The core must get the SNAP only with the state
 * at hand (its Ready asks to install it at once), and must see nothing the leader sent after the
 * SNAP before the install. So a SNAP whose stream has not arrived is held, with every later message
 * from that leader, in order; when the stream arrives the SNAP is released first, then the rest.
 *
 * <p>A hold ends without a release when the connection to that leader drops or the peer stops
 * following it (the held messages are then lost, which the core tolerates). Streams that no SNAP
 * claims are kept, newest per sender, until a SNAP does or a newer stream replaces them.
 *
 * <p>Not thread-safe: owned by the driver thread.
 */
final class SnapHold {
    private static final Logger LOG = LoggerFactory.getLogger(SnapHold.class);

    /** A complete stream on disk. */
    record Arrived(long zxid, Path file) {
    }

    private final Map<Long, Arrived> arrived = new HashMap<>();
    private final ArrayDeque<PeerMessage> held = new ArrayDeque<>();
    private Snap waiting;

    /**
     * Whether {@code m} must wait: it follows a held SNAP from its sender, or it is a SNAP whose
     * stream has not arrived yet.
     */
    boolean hold(PeerMessage m) {
        if (waiting != null && m.from() == waiting.from()) {
            held.addLast(m);
            return true;
        }
        if (m instanceof Snap snap && !hasStream(snap)) {
            waiting = snap;
            held.clear();
            return true;
        }
        return false;
    }

    /**
     * A stream arrived.
     *
     * @return the held SNAP followed by the messages held behind it, to feed the core in this order
     *     (the hold is over); empty if no held SNAP waited for this stream
     */
    List<PeerMessage> arrived(long from, long zxid, Path file) {
        Arrived previous = arrived.put(from, new Arrived(zxid, file));
        if (previous != null && !previous.file().equals(file)) {
            delete(previous.file());
        }
        if (waiting == null || waiting.from() != from || waiting.zxid() != zxid) {
            return List.of();
        }
        List<PeerMessage> release = new ArrayList<>(held.size() + 1);
        release.add(waiting);
        release.addAll(held);
        waiting = null;
        held.clear();
        return release;
    }

    /** The stream for the SNAP {@code snap}, taken (the caller deletes the file), or null. */
    Arrived take(Snap snap) {
        Arrived a = arrived.get(snap.from());
        if (a == null || a.zxid() != snap.zxid()) {
            return null;
        }
        arrived.remove(snap.from());
        return a;
    }

    /** Ends a hold on {@code peerId} (it disconnected, or is no longer the leader). */
    void abandon(long peerId) {
        if (waiting != null && waiting.from() == peerId) {
            LOG.info("dropping the SNAP at {} from server {} and {} messages held behind it",
                    Zxids.toHexString(waiting.zxid()), peerId, held.size());
            waiting = null;
            held.clear();
        }
    }

    /** The leader a hold waits on, or 0. */
    long waitingOn() {
        return waiting == null ? 0 : waiting.from();
    }

    /** Deletes every stream file still kept. */
    void clear() {
        arrived.values().forEach(a -> delete(a.file()));
        arrived.clear();
        waiting = null;
        held.clear();
    }

    private boolean hasStream(Snap snap) {
        Arrived a = arrived.get(snap.from());
        return a != null && a.zxid() == snap.zxid();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the received snapshot {}: {}", file, e.toString());
        }
    }
}
