package io.paddock.server.admin.console;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sessions with their connections, ephemerals and watched paths, and the watches by
 * path: what ZooKeeper's dump, cons and wchc/wchp commands tell, joined per session. Session
 * ids are hex strings (JavaScript numbers cannot hold 64 bits).
 *
 * <p>Thread-safe: each part is a copy of live state, so the parts may disagree by a request.
 */
final class SessionsView {
    private final AdminSources sources;

    SessionsView(AdminSources sources) {
        this.sources = sources;
    }

    Map<String, Object> sessions() {
        Map<Long, ClientConnection> byId = new HashMap<>();
        for (ClientConnection c : sources.connections().connections()) {
            byId.put(c.sessionId(), c);
        }
        Map<Long, Set<String>> ephemerals = sources.tree().ephemeralsBySession();
        Map<Long, Set<String>> watched = sources.watches().pathsBySession();
        List<Session> all = new ArrayList<>(sources.sessions().sessions());
        all.sort(Comparator.comparingLong(Session::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Session s : all) {
            ClientConnection c = byId.get(s.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ConsoleReplies.hex(s.id()));
            m.put("timeout_ms", s.timeoutMs());
            m.put("connected", c != null);
            m.put("remote_address", c == null || c.remoteAddress() == null ? null
                    : c.remoteAddress().getAddress().getHostAddress() + ":" + c.remoteAddress().getPort());
            m.put("ephemerals", new TreeSet<>(ephemerals.getOrDefault(s.id(), Set.of())));
            m.put("watched_paths", new TreeSet<>(watched.getOrDefault(s.id(), Set.of())));
            out.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", out);
        m.put("count", out.size());
        return m;
    }

    Map<String, Object> watches() {
        List<Map<String, Object>> paths = new ArrayList<>();
        new TreeMap<>(sources.watches().sessionsByPath()).forEach((path, ids) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("sessions", ids.stream().sorted().map(ConsoleReplies::hex).toList());
            paths.add(m);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paths", paths);
        m.put("watch_count", sources.watches().watchCount());
        m.put("watched_path_count", sources.watches().watchedPathCount());
        m.put("watcher_count", sources.watches().watcherCount());
        return m;
    }
}
