package io.paddock.server.admin.console;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.MonitorValues;
import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servers panel: this server's mode and role, and the other members of its ensemble.
 *
 * <p>The seam for ensembles: the role is read from the {@code server_state} the monitor
 * (mntr) command reports, so when the server reports {@code leader}, {@code follower} or
 * {@code observer} there, the console shows it with no change here; the leader's quorum
 * figures that ZooKeeper's mntr carries ({@link #ENSEMBLE_KEYS}: learners, synced followers,
 * pending syncs, proposal sizes) are passed through whenever the monitor has them. The members
 * come from the {@code server.N} lines; their roles and each follower's lag are {@code null}
 * ("not known here") until the server exposes them, which is where that work plugs in.
 *
 * <p>Thread-safe: reads the monitor's live values and the immutable configuration.
 */
final class ServersPanel {
    static final Set<String> ENSEMBLE_KEYS = Set.of("learners", "synced_followers",
            "synced_non_voting_followers", "synced_observers", "pending_syncs",
            "last_proposal_size", "max_proposal_size", "min_proposal_size", "peer_state",
            "quorum_size");

    private final AdminSources sources;
    private final MonitorValues monitor;

    ServersPanel(AdminSources sources) {
        this.sources = sources;
        this.monitor = new MonitorValues(sources);
    }

    Map<String, Object> panel() {
        Map<String, Object> values = monitor.all();
        String state = String.valueOf(values.get("server_state"));
        Map<String, Object> ensemble = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (ENSEMBLE_KEYS.contains(k)) {
                ensemble.put(k, v);
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", state.equals("standalone") ? "standalone" : "ensemble");
        m.put("server_state", state);
        m.put("version", values.get("version"));
        m.put("servers", servers(state, values));
        m.put("ensemble_metrics", ensemble);
        // [ensemble] On the leader, each learner as ZAB sees it (synced or not, last heard).
        m.put("learners", sources.peer().map(p -> p.learners()).orElse(java.util.List.of()));
        return m;
    }

    private List<Map<String, Object>> servers(String state, Map<String, Object> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        EnsembleConfig ensemble = sources.config().ensemble().orElse(null);
        if (ensemble == null) {
            out.add(self(null, state, values));
            return out;
        }
        for (EnsembleMember member : ensemble.members()) {
            if (member.id() == ensemble.myId()) {
                out.add(self(member, state, values));
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", member.id());
            m.put("self", false);
            m.put("type", member.isObserver() ? "observer" : "participant");
            m.put("address", member.quorumAddress().getHostString() + ":"
                    + member.quorumAddress().getPort());
            m.put("role", null);
            m.put("last_zxid", null);
            m.put("lag_txns", null);
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> self(EnsembleMember member, String state,
            Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", member == null ? null : member.id());
        m.put("self", true);
        m.put("type", member == null ? "standalone" : member.isObserver() ? "observer" : "participant");
        m.put("address", "client port " + sources.clientPort());
        m.put("role", state);
        m.put("last_zxid", ConsoleReplies.hex(sources.view().lastZxid()));
        m.put("lag_txns", 0);
        m.put("znode_count", values.get("znode_count"));
        m.put("alive_connections", values.get("num_alive_connections"));
        m.put("uptime_ms", values.get("uptime"));
        return m;
    }
}
