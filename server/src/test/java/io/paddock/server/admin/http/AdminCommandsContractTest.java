package io.paddock.server.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.server.testing.ZooKeeperReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.admin.CommandResponse;
import org.apache.zookeeper.server.admin.Commands;
import org.apache.zookeeper.server.admin.JsonOutputter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paddock's admin commands against Apache ZooKeeper 3.9.5's, on the same state: the same JSON
 * field names, nesting and value types (not values). ZooKeeper's side runs its own
 * {@code Commands} and {@code JsonOutputter} in this JVM (the reference starts no Jetty);
 * Paddock's side is fetched over HTTP from its admin server.
 */
class AdminCommandsContractTest {
    /** Maps keyed by session ids, paths or expiry times, whose keys differ between servers. */
    private static final Set<String> KEYED_BY_DATA = Set.of("expiry_time_to_session_ids",
            "session_id_to_ephemeral_paths", "session_id_to_watched_paths",
            "path_to_session_ids", "current_config");

    private static ZooKeeperReference reference;
    private static PaddockTestingServer paddock;
    private static ZooKeeper zkClient;
    private static ZooKeeper paddockClient;

    @BeforeAll
    static void start() throws Exception {
        reference = ZooKeeperReference.start();
        paddock = PaddockTestingServer.builder().operatorEndpoints().start();
        zkClient = WatchScenario.apply(reference.connectString());
        paddockClient = WatchScenario.apply(paddock.connectString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (zkClient != null) {
            zkClient.close();
        }
        if (paddockClient != null) {
            paddockClient.close();
        }
        if (paddock != null) {
            paddock.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruok", "srvr", "server_stats", "stat", "stats", "conf",
            "configuration", "cons", "connections", "connection_stat_reset", "crst", "dump",
            "envi", "environment", "is_read_only", "isro", "last_snapshot", "lsnp", "leader",
            "voting_view", "watches", "wchc", "watches_by_path", "wchp", "watch_summary", "wchs",
            "stat_reset", "srst", "dirs", "zabstate", "observers", "no_such_command"})
    void sameFieldsAsZooKeeper(String command) {
        Set<String> zk = JsonShape.of(zooKeeper(command), KEYED_BY_DATA);
        Set<String> ours = JsonShape.of(paddock(command), KEYED_BY_DATA);
        assertEquals(zk, ours, command + ": ZooKeeper's fields, then Paddock's");
    }

    @Test
    void monitorUsesZooKeeperNamesOrPaddocksOwnPrefix() {
        Set<String> zk = names(zooKeeper("monitor"));
        Set<String> ours = names(paddock("mntr"));
        Set<String> foreign = ours.stream()
                .filter(k -> !zk.contains(k) && !k.startsWith("paddock_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), foreign, "monitor keys that are neither ZooKeeper's nor paddock_");
        for (String k : List.of("version", "server_state", "znode_count", "watch_count",
                "num_alive_connections", "outstanding_requests", "avg_latency", "min_latency",
                "max_latency", "packets_received", "packets_sent", "ephemerals_count",
                "approximate_data_size", "global_sessions", "uptime", "avg_fsynctime",
                "cnt_fsynctime", "avg_snapshottime", "open_file_descriptor_count")) {
            assertTrue(ours.contains(k), "Paddock's monitor has " + k);
        }
        assertEquals(JsonShape.of(zooKeeper("monitor").get("znode_count"), Set.of()),
                JsonShape.of(paddock("monitor").get("znode_count"), Set.of()));
    }

    @Test
    void systemPropertiesListTheSameJvmProperties() {
        Set<String> zk = names(zooKeeper("system_properties"));
        Set<String> ours = names(paddock("system_properties"));
        for (String k : List.of("java.version", "os.name", "user.dir", "command", "error")) {
            assertTrue(zk.contains(k) && ours.contains(k), k);
        }
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode paddock(String command) {
        return HttpGet.json(paddock.server().adminAddress(), "/commands/" + command);
    }

    /** What ZooKeeper's AdminServer would write for a GET of /commands/{command}. */
    private static JsonNode zooKeeper(String command) {
        CommandResponse r = Commands.runGetCommand(command, reference.zooKeeperServer(),
                Map.of(), null, null);
        StringWriter out = new StringWriter();
        new JsonOutputter("127.0.0.1").output(r, new PrintWriter(out));
        return HttpGet.parse(out.toString());
    }
}
