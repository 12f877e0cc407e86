package io.paddock.server.ensemble;

import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ConnectionRegistry;
import io.paddock.server.pipeline.FatalErrorHandler;
import io.paddock.server.request.RequestPreparer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * [ensemble] What a member of an ensemble does for its client connections as its peer's role
 * changes: keeps them through an election but only for a third of each one's session timeout,
 * closes them all before a snapshot replaces the tree, reports their sessions to the leader, and
 * stops the server if the ZAB runtime failed.
 *
 * <p>Thread-safe: the listener methods run on the ZAB driver thread, {@link #everyHalfTick} on
 * the server's ticker.
 */
public final class EnsembleClients implements EnsemblePeer.ServingListener {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleClients.class);

    private final EnsemblePeer peer;
    private final ConnectionRegistry connections;
    private final RequestPreparer preparer;
    private final FatalErrorHandler onFatal;
    private final AtomicBoolean failed = new AtomicBoolean();

    public EnsembleClients(EnsemblePeer peer, ConnectionRegistry connections,
            RequestPreparer preparer, FatalErrorHandler onFatal) {
        this.peer = peer;
        this.connections = connections;
        this.preparer = preparer;
        this.onFatal = onFatal;
    }

    @Override
    public void stoppedServing(String why) {
        LOG.info("{}: holding the requests of {} client connections until a leader serves", why,
                connections.size());
    }

    @Override
    public void beforeLeading() {
        preparer.reset();
    }

    @Override
    public void snapshotInstalling() {
        connections.connections().forEach(c -> c.close(
                "this server is installing a snapshot from the leader"));
    }

    /** Reports this server's clients to the leader; stops the server if ZAB failed. */
    public void everyHalfTick() {
        try {
            var failure = peer.runtime().failure();
            if (failure.isPresent()) {
                if (failed.compareAndSet(false, true)) {
                    onFatal.fatal("the ZAB runtime", failure.get());
                }
                return;
            }
            peer.reportTouches();
            closeWaitingTooLong(peer.notServingMillis());
            if (peer.serving()) {
                closeReadOnlySessions();
            }
        } catch (RuntimeException e) {
            LOG.error("reporting sessions to the leader failed", e);
        }
    }

    /** A leader again: read-only clients move to a server that takes writes, as ZooKeeper's do. */
    private void closeReadOnlySessions() {
        for (ClientConnection c : connections.connections()) {
            if (c.readOnly()) {
                c.close("this server has a leader again; read-only sessions end");
            }
        }
    }

    /**
     * Without a leader a connection waits for one, but only for a third of its session timeout:
     * then its client moves to a server that has a leader (ZooKeeper's client gives up on a
     * server after two thirds of it without an answer).
     */
    private void closeWaitingTooLong(long noLeaderMillis) {
        if (noLeaderMillis == 0) {
            return;
        }
        for (ClientConnection c : connections.connections()) {
            if (!c.readOnly() && c.sessionTimeout() > 0 && noLeaderMillis > c.sessionTimeout() / 3) {
                c.close("no leader for " + noLeaderMillis + " ms, a third of the session timeout");
            }
        }
    }
}
