package io.paddock.server.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.server.PaddockServer;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.testing.PaddockTestingServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each admin command's values on a live Paddock server, fetched over HTTP. */
class AdminHttpServerTest {
    private PaddockTestingServer server;
    private ZooKeeper zk;
    private InetSocketAddress admin;

    @BeforeEach
    void start() throws Exception {
        server = PaddockTestingServer.builder().operatorEndpoints().start();
        zk = WatchScenario.apply(server.connectString());
        admin = server.server().adminAddress();
    }

    @AfterEach
    void stop() throws Exception {
        zk.close();
        server.close();
    }

    @Test
    void ruokAnswersWithNoError() {
        JsonNode r = HttpGet.json(admin, "/commands/ruok");
        assertEquals("ruok", r.get("command").asText());
        assertTrue(r.get("error").isNull());
    }

    @Test
    void srvrAndStatReportTheServer() {
        JsonNode srvr = HttpGet.json(admin, "/commands/srvr");
        assertEquals("server_stats", srvr.get("command").asText());
        assertTrue(srvr.get("version").asText().startsWith("3.9.5"));
        assertEquals(server.server().storage().tree().nodeCount(), srvr.get("node_count").asInt());
        JsonNode stats = srvr.get("server_stats");
        assertEquals("standalone", stats.get("server_state").asText());
        assertEquals(1, stats.get("num_alive_client_connections").asInt());
        assertTrue(stats.get("packets_received").asLong() >= 6);
        assertTrue(stats.get("client_response_stats").get("max_buffer_size").asInt() > 0);
        assertTrue(stats.get("data_dir_size").asLong() > 0, "the log is in the data directory");
        JsonNode stat = HttpGet.json(admin, "/commands/stat");
        assertEquals("stats", stat.get("command").asText());
        assertEquals(1, stat.get("connections").size());
        assertEquals(1, stat.get("connections").get(0).get("interest_ops").asInt());
    }

    @Test
    void consListsTheSessionAndCrstResetsIt() {
        JsonNode c = HttpGet.json(admin, "/commands/cons").get("connections").get(0);
        assertEquals(zk.getSessionId(), c.get("session_id").asLong());
        assertEquals(30_000, c.get("session_timeout").asInt());
        assertEquals("ADDW", c.get("last_operation").asText());
        assertTrue(c.get("packets_received").asLong() >= 6);
        assertTrue(c.get("last_zxid").asLong() > 0);
        assertTrue(c.get("remote_socket_address").asText().startsWith("127.0.0.1:"));
        assertNull(HttpGet.json(admin, "/commands/connection_stat_reset").get("error")
                .textValue());
        JsonNode after = HttpGet.json(admin, "/commands/connections").get("connections").get(0);
        assertTrue(after.get("packets_received").asLong() < c.get("packets_received").asLong());
    }

    @Test
    void monitorCarriesZooKeeperNames() {
        JsonNode m = HttpGet.json(admin, "/commands/mntr");
        assertEquals("monitor", m.get("command").asText());
        assertEquals(server.server().storage().tree().nodeCount(), m.get("znode_count").asInt());
        assertEquals(1, m.get("ephemerals_count").asInt());
        assertEquals(3, m.get("watch_count").asInt());
        assertEquals(1, m.get("num_alive_connections").asInt());
        assertTrue(m.get("cnt_fsynctime").asLong() > 0, "the creates were fsynced");
        assertTrue(m.has("paddock_request_ring_depth"));
    }

    @Test
    void dumpAndWatchesShowSessionsPathsAndWatches() {
        String sid = Long.toString(zk.getSessionId());
        JsonNode dump = HttpGet.json(admin, "/commands/dump");
        assertEquals("/e", dump.get("session_id_to_ephemeral_paths").get(sid).get(0).asText());
        JsonNode expiry = dump.get("expiry_time_to_session_ids");
        assertEquals(1, expiry.size());
        assertEquals(zk.getSessionId(), expiry.elements().next().get(0).asLong());
        JsonNode watches = HttpGet.json(admin, "/commands/watches")
                .get("session_id_to_watched_paths").get(sid);
        List<String> paths = new ArrayList<>();
        watches.forEach(p -> paths.add(p.asText()));
        assertTrue(paths.containsAll(List.of("/", "/a", "/p")), paths.toString());
        JsonNode byPath = HttpGet.json(admin, "/commands/wchp").get("path_to_session_ids");
        assertEquals(zk.getSessionId(), byPath.get("/a").get(0).asLong());
        JsonNode summary = HttpGet.json(admin, "/commands/watch_summary");
        assertEquals(1, summary.get("num_connections").asInt());
        assertEquals(3, summary.get("num_paths").asInt());
        assertEquals(3, summary.get("num_total_watches").asInt());
    }

    @Test
    void confEnviAndSystemProperties() {
        JsonNode conf = HttpGet.json(admin, "/commands/conf");
        assertEquals("configuration", conf.get("command").asText());
        assertEquals(server.port(), conf.get("client_port").asInt());
        assertEquals(server.server().config().tickTime(), conf.get("tick_time").asInt());
        JsonNode envi = HttpGet.json(admin, "/commands/envi");
        assertEquals(System.getProperty("java.version"), envi.get("java.version").asText());
        JsonNode sysp = HttpGet.json(admin, "/commands/system_properties");
        assertEquals(System.getProperty("os.name"), sysp.get("os.name").asText());
    }

    @Test
    void readOnlyLeaderAndVotingViewAsAStandaloneZooKeeper() {
        assertFalse(HttpGet.json(admin, "/commands/is_read_only").get("read_only").asBoolean());
        assertEquals("server is not initialized",
                HttpGet.json(admin, "/commands/leader").get("error").asText());
        assertEquals(0, HttpGet.json(admin, "/commands/voting_view").get("current_config").size());
    }

    @Test
    void lastSnapshotNamesTheNewestSnapshot() {
        assertTrue(server.server().storage().snapshotNow());
        long zxid = server.server().storage().lastSnapshotZxid();
        JsonNode r = HttpGet.json(admin, "/commands/last_snapshot");
        assertEquals(Long.toHexString(zxid), r.get("zxid").asText());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(now - r.get("timestamp").asLong()) < 3600, r.toString());
    }

    @Test
    void unknownCommandsIndexHealthAndMethods() {
        JsonNode unknown = HttpGet.json(admin, "/commands/nope");
        assertEquals("Unknown command: nope", unknown.get("error").asText());
        String index = HttpGet.get(admin, "/commands").body();
        for (String c : List.of("ruok", "server_stats", "monitor", "watch_summary", "dump")) {
            assertTrue(index.contains("<a href=\"/commands/" + c + "\">" + c + "</a>"), c);
        }
        HttpResponse<String> health = HttpGet.get(admin, "/health");
        assertEquals(200, health.statusCode());
        assertEquals("ok", HttpGet.parse(health.body()).get("status").asText());
        assertEquals(404, HttpGet.get(admin, "/nothing").statusCode());
        HttpResponse<String> post = HttpGet.send(HttpRequest.newBuilder(
                HttpGet.uri(admin, "/commands/ruok")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.statusCode());
    }

    @Test
    void aTakenAdminPortStopsTheStartNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OperationsConfig ops = OperationsConfig.ephemeral().withAdminPort(taken.getLocalPort());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PaddockTestingServer.builder().operations(ops).start());
            assertTrue(e.getMessage().startsWith("cannot serve admin on 127.0.0.1"),
                    e.getMessage());
        }
    }

    @Test
    void theCommandUrlAndTheSwitchAreHonoured() throws Exception {
        try (PaddockTestingServer other = PaddockTestingServer.builder()
                .operations(OperationsConfig.ephemeral().withCommandUrl("/zk")).start()) {
            InetSocketAddress a = other.server().adminAddress();
            assertEquals("ruok", HttpGet.json(a, "/zk/ruok").get("command").asText());
            assertEquals(404, HttpGet.get(a, "/commands/ruok").statusCode());
        }
        try (PaddockTestingServer off = PaddockTestingServer.builder()
                .operations(OperationsConfig.ephemeral().withAdmin(false)).start()) {
            assertNull(off.server().adminAddress());
        }
        PaddockServer plain = server.server();
        assertNotNull(plain.adminAddress());
    }
}
