package io.paddock.server.persistence;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.txn.CreateSessionTxn;
import io.paddock.server.txn.TxnCodec;
import io.paddock.server.txn.TxnEnvelope;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.storage.snapshot.LoadedSnapshot;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the tree and sessions back at start-up: the newest valid snapshot into a fresh tree,
 * then every logged txn after the snapshot's zxid through {@link DataTree#apply}, which is
 * idempotent, so txns the fuzzy snapshot already holds apply harmlessly. createSession and
 * closeSession txns open and close sessions as the apply stage does.
 *
 * <p>Not thread-safe: runs once, before the server serves anything.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /**
     * @param snapshots where the snapshots are
     * @param checkedLog the recovered txn log, asked for only once the snapshot is loaded, so
     *     the log check may still be running while the snapshot loads
     * @param watches the watch manager the restored tree reports to
     */
    public static TreeState recover(SnapshotStore snapshots, CheckedLog checkedLog,
            WatchManager watches) throws IOException {
        return recover(snapshots, checkedLog, watches, true);
    }

    /**
     * @param replayLog false for a member of an ensemble: its log may end in proposals that were
     *     never committed, so the tree stops at the snapshot and the ZAB runtime applies the
     *     logged txns once it knows they are committed
     */
    public static TreeState recover(SnapshotStore snapshots, CheckedLog checkedLog,
            WatchManager watches, boolean replayLog) throws IOException {
        long started = System.nanoTime();
        Optional<LoadedSnapshot<TreeState>> loaded =
                snapshots.loadNewest((zxid, body) -> DataTreeSnapshot.read(watches, zxid, body));
        TreeState state = loaded.map(LoadedSnapshot::state)
                .orElseGet(() -> new TreeState(new DataTree(watches), new HashMap<>(), 0));
        long from = state.tree().lastProcessedZxid();
        TxnLog log = checkedLog.get();
        int replayed = replayLog ? replay(log.readFrom(from), state, from) : 0;
        if (replayLog && log.lastFlushedZxid() > state.tree().lastProcessedZxid()) {
            state.tree().setLastProcessedZxid(log.lastFlushedZxid());
        }
        LOG.info("recovered {} znodes and {} sessions up to zxid 0x{} ({}, {} txns replayed) in {} ms",
                state.tree().nodeCount(), state.sessions().size(),
                Long.toHexString(state.tree().lastProcessedZxid()),
                loaded.map(s -> "snapshot " + s.file().getFileName()).orElse("no snapshot"),
                replayed, (System.nanoTime() - started) / 1_000_000);
        return state;
    }

    /** The txn log once its start-up check is done. */
    @FunctionalInterface
    public interface CheckedLog {
        TxnLog get() throws IOException;
    }

    private static int replay(Iterator<Txn> txns, TreeState state, long from) {
        int count = 0;
        while (txns.hasNext()) {
            Txn logged = txns.next();
            if (count == 0 && from != 0 && logged.zxid() != from + 1) {
                LOG.warn("the log continues at zxid 0x{} after the snapshot at 0x{}; txns between"
                        + " them may be missing", Long.toHexString(logged.zxid()),
                        Long.toHexString(from));
            }
            TxnEnvelope e = TxnCodec.deserialize(logged.bytes());
            long session = e.header().sessionId();
            if (e.txn() instanceof CreateSessionTxn cs) {
                state.sessions().put(session, cs.timeout());
            }
            state.tree().apply(e.header(), e.txn());
            if (e.header().type() == OpCode.CLOSE_SESSION) {
                state.sessions().remove(session);
            }
            count++;
        }
        return count;
    }
}
