package io.paddock.server.admin;

import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.admin.console.ZnodeWriter;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.net.ConnectionRegistry;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import java.util.function.BooleanSupplier;

/**
 * The live parts of a running server that operators' tools read (the admin HTTP commands, the
 * Prometheus collector, the MBeans): handed over once by the server, read from any thread.
 * Every part is itself thread-safe; this record only gathers them.
 *
 * @param view the summary the four-letter words read
 * @param clientPort the port clients connect to (the bound one, when the config said 0)
 * @param startMillis wall-clock time the server was built, for uptime
 * @param serving true while the server takes requests (false once stopping or failed)
 * @param auth the ACL schemes and super digest, for the console's digest credentials
 * @param writer where the console's writes go (when the operator enables them)
 */
public record AdminSources(
        ServerView view,
        int clientPort,
        DataTree tree,
        SessionTracker sessions,
        WatchManager watches,
        ConnectionRegistry connections,
        ServerStorage storage,
        long startMillis,
        BooleanSupplier serving,
        AuthRegistry auth,
        ZnodeWriter writer,
        java.util.Optional<PeerView> peer) {

    public ServerConfig config() {
        return view.config();
    }

    public ServerStats stats() {
        return view.stats();
    }

    public long uptimeMillis() {
        return Math.max(0, System.currentTimeMillis() - startMillis);
    }
}
