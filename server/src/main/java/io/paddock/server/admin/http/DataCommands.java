package io.paddock.server.admin.http;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.DirectorySizes;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands about the data: dump (sessions by expiry, ephemerals by session), watches,
 * watches_by_path, watch_summary, last_snapshot and dirs. Stateless; thread-safe.
 */
final class DataCommands {
    private DataCommands() {
    }

    static List<AdminCommand> all(AdminSources s) {
        WatchManager w = s.watches();
        return List.of(
                AdminCommand.of(List.of("dump"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("expiry_time_to_session_ids", s.sessions().expiryBuckets());
                    m.put("session_id_to_ephemeral_paths", s.tree().ephemeralsBySession());
                    return m;
                }),
                AdminCommand.of(List.of("watches", "wchc"),
                        p -> Map.of("session_id_to_watched_paths", w.pathsBySession())),
                AdminCommand.of(List.of("watches_by_path", "wchp"),
                        p -> Map.of("path_to_session_ids", w.sessionsByPath())),
                AdminCommand.of(List.of("watch_summary", "wchs"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("num_connections", w.watcherCount());
                    m.put("num_paths", w.watchedPathCount());
                    m.put("num_total_watches", w.watchCount());
                    return m;
                }),
                AdminCommand.of(List.of("last_snapshot", "lsnp"), p -> lastSnapshot(s)),
                AdminCommand.of(List.of("dirs"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("datadir_size", DirectorySizes.of(s.config().dataDir()));
                    m.put("logdir_size", DirectorySizes.of(s.config().txnLogDir()));
                    return m;
                }));
    }

    /**
     * The newest snapshot on disk: its zxid in hex without 0x and its modification time in
     * seconds, or ZooKeeper's "none" values (ffffffffffffffff, -1).
     */
    private static Map<String, Object> lastSnapshot(AdminSources s) {
        long zxid = -1;
        long timestamp = -1;
        try {
            List<Path> snaps = s.storage().snapshots().snapshots();
            if (!snaps.isEmpty()) {
                Path newest = snaps.get(snaps.size() - 1);
                zxid = SnapshotStore.zxidOf(newest);
                timestamp = Files.getLastModifiedTime(newest).toMillis() / 1000;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots", e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zxid", Long.toHexString(zxid));
        m.put("timestamp", timestamp);
        return m;
    }
}
