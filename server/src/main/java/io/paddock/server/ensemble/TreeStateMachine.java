package io.paddock.server.ensemble;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.persistence.DataTreeSnapshot;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.persistence.TreeState;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.txn.TxnCodec;
import io.paddock.server.txn.TxnEnvelope;
import io.paddock.zab.Proposal;
import io.paddock.zab.runtime.StateMachine;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * [ensemble] The data tree as ZAB's state machine. Committed txns go to the commit ring through
 * the {@link CommitQueue}, where the apply stage changes the tree and answers this server's
 * clients; so the tree lags {@link #apply} by the commit ring's depth, and a snapshot or an
 * install first waits for the ring to catch up (nothing else publishes txns meanwhile: the ZAB
 * driver thread is the only one, and it is here).
 *
 * <p>A snapshot stream is the zxid it stands for, then the body {@link DataTreeSnapshot} writes.
 * The leader writes it fuzzily ({@link #snapshotFrom}, off the ZAB driver thread, so its commits
 * go on): it holds every txn up to that zxid and perhaps later ones, which the learner replays
 * harmlessly. An installed snapshot is written to the snapshot directory before
 * {@link #install} returns, so a restart recovers at least it.
 *
 * <p>Called on the ZAB driver thread only.
 */
final class TreeStateMachine implements StateMachine {
    private final ServerStorage storage;
    private final Supplier<RequestPipeline> pipeline;
    private final long recovered;
    private long published;

    private final Runnable beforeInstall;
    private final LongConsumer sessionClosed;

    /**
     * @param pipeline the server's pipeline, there before the runtime starts
     * @param beforeInstall closes every client connection: a client's watches cannot follow a
     *     jump to a snapshot, so it reconnects and sets them again (ZooKeeper closes them too)
     * @param sessionClosed told each session whose closeSession commits, after it is handed on
     */
    TreeStateMachine(ServerStorage storage, Supplier<RequestPipeline> pipeline,
            Runnable beforeInstall, LongConsumer sessionClosed) {
        this.storage = storage;
        this.pipeline = pipeline;
        this.beforeInstall = beforeInstall;
        this.sessionClosed = sessionClosed;
        this.recovered = storage.tree().lastProcessedZxid();
        this.published = recovered;
    }

    @Override
    public long lastApplied() {
        return recovered;
    }

    @Override
    public void apply(Proposal proposal) {
        // The leader applies the txn it proposed as it is, without decoding its own bytes again.
        TxnEnvelope e = proposal.local() instanceof TxnEnvelope own ? own
                : TxnCodec.deserialize(proposal.data());
        pipeline.get().commitQueue().committed(e.header(), e.txn());
        published = proposal.zxid();
        if (e.header().type() == OpCode.CLOSE_SESSION) {
            sessionClosed.accept(e.header().sessionId());
        }
    }

    @Override
    public long snapshot(OutputStream out) throws IOException {
        awaitApplied(published);
        writeSnapshot(published, out);
        return published;
    }

    /** Yes: the tree's txns replay harmlessly, as recovery from a fuzzy snapshot relies on. */
    @Override
    public boolean fuzzySnapshots() {
        return true;
    }

    /**
     * Once the tree holds every txn up to {@code zxid}, writes it as it is while the apply stage
     * goes on (the same fuzzy walk the background snapshots take), saying it stands for
     * {@code zxid}: the learner replays every later txn over it.
     */
    @Override
    public void snapshotFrom(long zxid, OutputStream out) throws IOException {
        awaitApplied(zxid);
        writeSnapshot(zxid, out);
    }

    /** The stream: the zxid it stands for, then the tree's body as it is now. */
    private void writeSnapshot(long zxid, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeLong(zxid);
        new DataTreeSnapshot(storage.tree(), storage.sessions()).writeTo(data);
        data.flush();
    }

    @Override
    public long install(InputStream in) throws IOException {
        awaitApplied(published);
        beforeInstall.run();
        DataInputStream data = new DataInputStream(in);
        long zxid = data.readLong();
        DataTree tree = storage.tree();
        TreeState state = DataTreeSnapshot.read(tree.watches(), zxid, data);
        tree.replaceContents(state.tree());
        replaceSessions(storage.sessions(), state.sessions());
        published = zxid;
        // What this server's clients were waiting for may be inside the snapshot, unseen: their
        // connections close rather than risk sending those writes again.
        pipeline.get().commitQueue().abandonWaiting("this server installed a snapshot from the"
                + " leader; requests in flight are lost");
        storage.snapshots().write(new DataTreeSnapshot(tree, storage.sessions()));
        return zxid;
    }

    private static void replaceSessions(SessionTracker sessions, Map<Long, Integer> snapshot) {
        Set<Long> gone = new HashSet<>();
        for (Session s : sessions.sessions()) {
            if (!snapshot.containsKey(s.id())) {
                gone.add(s.id());
            }
        }
        gone.forEach(sessions::remove);
        snapshot.forEach(sessions::add);
    }

    /** Waits until the tree holds every txn committed so far (a new leader's first step). */
    void awaitCaughtUp() {
        try {
            awaitApplied(published);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Until the apply stage has applied every txn up to {@code zxid}. */
    private void awaitApplied(long zxid) throws IOException {
        while (storage.tree().lastProcessedZxid() < zxid) {
            if (pipeline.get().failed()) {
                throw new IOException("the apply stage stopped after a fatal error");
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
