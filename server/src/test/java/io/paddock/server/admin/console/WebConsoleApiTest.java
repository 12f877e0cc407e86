package io.paddock.server.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.server.admin.http.HttpGet;
import io.paddock.server.testing.PaddockTestingServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's page and read-only JSON API on a live server, with data made by ZooKeeper's client. */
class WebConsoleApiTest {
    private PaddockTestingServer server;
    private ZooKeeper zk;
    private InetSocketAddress admin;
    private ConsoleHttp console;

    @BeforeEach
    void start() throws Exception {
        server = PaddockTestingServer.builder().operatorEndpoints().start();
        zk = ZooKeeperClients.connect(server.connectString());
        admin = server.server().adminAddress();
        console = new ConsoleHttp(admin);
    }

    @AfterEach
    void stop() throws Exception {
        zk.close();
        server.close();
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = HttpGet.get(admin, "/console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"console.js\""), page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        HttpResponse<String> js = HttpGet.get(admin, "/console/console.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertFalse(js.body().contains("innerHTML"), "the script never writes markup");
        assertEquals(200, HttpGet.get(admin, "/console/console.css").statusCode());
        assertEquals(404, HttpGet.get(admin, "/console/nope.js").statusCode());
        assertEquals(404, HttpGet.get(admin, "/console/AdminSources.class").statusCode());
        HttpResponse<String> root = HttpGet.get(admin, "/");
        assertEquals(302, root.statusCode());
        assertEquals("/console/", root.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> bare = HttpGet.get(admin, "/console");
        assertEquals(301, bare.statusCode());
    }

    @Test
    void aNodeShowsItsStatAclChildrenAndPrettyJson() throws Exception {
        zk.create("/cfg", "{\"a\":1,\"b\":[true,null]}".getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/cfg/z", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/cfg/b", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        Stat expected = zk.exists("/cfg", false);
        JsonNode n = console.node("/cfg");
        assertEquals("/cfg", n.get("path").asText());
        JsonNode stat = n.get("stat");
        assertEquals("0x" + Long.toHexString(expected.getCzxid()), stat.get("czxid").asText());
        assertEquals("0x" + Long.toHexString(expected.getPzxid()), stat.get("pzxid").asText());
        assertEquals(expected.getCtime(), stat.get("ctime").asLong());
        assertEquals(expected.getCversion(), stat.get("cversion").asInt());
        assertEquals(2, stat.get("numChildren").asInt());
        assertEquals(expected.getDataLength(), stat.get("dataLength").asInt());
        assertEquals("0x0", stat.get("ephemeralOwner").asText());
        assertEquals("world", n.get("acl").get(0).get("scheme").asText());
        assertEquals("anyone", n.get("acl").get(0).get("id").asText());
        assertEquals("cdrwa", n.get("acl").get(0).get("perms").asText());
        assertEquals(List.of("b", "z"), texts(n.get("children")));
        JsonNode data = n.get("data");
        assertEquals("json", data.get("suggested").asText());
        assertEquals("{\"a\":1,\"b\":[true,null]}", data.get("text").asText());
        assertTrue(data.get("json").asText().contains("\n  \"a\" : 1"), data.get("json").asText());
        assertTrue(data.get("hex").asText().startsWith("00000000  7b 22 61 22"), data.get("hex").asText());
        assertEquals(404, HttpGet.get(admin, "/console/api/node?path=%2Fmissing").statusCode());
        assertEquals(400, HttpGet.get(admin, "/console/api/node?path=relative").statusCode());
    }

    @Test
    void binaryDataIsShownInHex() throws Exception {
        zk.create("/bin", new byte[] {0, (byte) 0xff, 0x41, (byte) 0xc3}, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        JsonNode data = console.node("/bin").get("data");
        assertFalse(data.get("utf8").asBoolean());
        assertTrue(data.get("text").isNull());
        assertEquals("hex", data.get("suggested").asText());
        assertTrue(data.get("hex").asText().startsWith("00000000  00 ff 41 c3"), data.get("hex").asText());
        assertTrue(data.get("hex").asText().contains("|..A.|"), data.get("hex").asText());
        assertEquals("AP9Bww==", data.get("base64").asText());
    }

    @Test
    void dataTheAclKeepsFromEveryoneNeedsDigestCredentials() throws Exception {
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"));
        zk.create("/private", "hush".getBytes(StandardCharsets.UTF_8),
                new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, alice))), CreateMode.PERSISTENT);
        JsonNode anonymous = console.node("/private");
        assertFalse(anonymous.get("readable").asBoolean());
        assertTrue(anonymous.get("data").isNull());
        assertEquals(alice.getId(), anonymous.get("acl").get(0).get("id").asText());
        JsonNode bob = HttpGet.parse(console.nodeAs("/private", "bob:pw").body());
        assertTrue(bob.get("data").isNull(), "other credentials read nothing");
        HttpResponse<String> asAlice = console.nodeAs("/private", "alice:secret");
        assertEquals(200, asAlice.statusCode());
        assertEquals("hush", HttpGet.parse(asAlice.body()).get("data").get("text").asText());
        assertEquals(401, console.nodeAs("/private", "no-colon").statusCode());
    }

    @Test
    void searchFindsPathsBreadthFirst() throws Exception {
        for (String p : List.of("/app", "/app/services", "/app/services/alpha", "/beta",
                "/beta/alpha-2")) {
            zk.create(p, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        JsonNode r = console.api("search?q=ALPHA");
        assertEquals(List.of("/beta/alpha-2", "/app/services/alpha"), texts(r.get("matches")));
        assertTrue(r.get("complete").asBoolean());
        JsonNode under = console.api("search?q=alpha&path=%2Fapp");
        assertEquals(List.of("/app/services/alpha"), texts(under.get("matches")));
    }

    @Test
    void sessionsShowTheirEphemeralsAndWatches() throws Exception {
        zk.create("/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.exists("/watched", true);
        String id = "0x" + Long.toHexString(zk.getSessionId());
        JsonNode sessions = console.api("sessions").get("sessions");
        JsonNode mine = null;
        for (JsonNode s : sessions) {
            if (s.get("id").asText().equals(id)) {
                mine = s;
            }
        }
        assertTrue(mine != null, sessions.toString());
        assertTrue(mine.get("connected").asBoolean());
        assertTrue(mine.get("remote_address").asText().startsWith("127.0.0.1:"));
        assertEquals(30_000, mine.get("timeout_ms").asInt());
        assertEquals(List.of("/eph"), texts(mine.get("ephemerals")));
        assertEquals(List.of("/watched"), texts(mine.get("watched_paths")));
        JsonNode watches = console.api("watches");
        assertEquals(1, watches.get("watch_count").asInt());
        assertEquals("/watched", watches.get("paths").get(0).get("path").asText());
        assertEquals(id, watches.get("paths").get(0).get("sessions").get(0).asText());
    }

    @Test
    void statsCarryWhatTheChartsDraw() throws Exception {
        zk.create("/s", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        JsonNode s = console.api("stats");
        assertTrue(s.get("packets_received").asLong() >= 2);
        assertTrue(s.get("txn_counter").asLong() >= 2, "createSession and create");
        assertTrue(s.get("fsync_ms").get("count").asLong() > 0, "the create was fsynced");
        assertTrue(s.get("fsync_ms").get("p99").asDouble() >= s.get("fsync_ms").get("p50").asDouble());
        assertTrue(s.get("latency_ms").has("p50"));
        assertTrue(s.get("latency_ms").has("p99"));
        assertEquals(1, s.get("connections").asInt());
        assertEquals(server.server().storage().tree().nodeCount(), s.get("znode_count").asInt());
        assertTrue(s.get("last_zxid").asText().startsWith("0x"));
    }

    @Test
    void theServersPanelReadsTheRoleTheMonitorReports() {
        JsonNode p = console.api("servers");
        assertEquals("standalone", p.get("mode").asText());
        assertEquals("standalone", p.get("server_state").asText());
        assertEquals(HttpGet.json(admin, "/commands/mntr").get("server_state").asText(),
                p.get("server_state").asText());
        assertEquals(1, p.get("servers").size());
        JsonNode self = p.get("servers").get(0);
        assertTrue(self.get("self").asBoolean());
        assertEquals("standalone", self.get("role").asText());
        assertEquals(0, self.get("lag_txns").asInt());
        assertEquals(0, p.get("ensemble_metrics").size());
        JsonNode info = console.api("info");
        assertFalse(info.get("writes_enabled").asBoolean());
        assertEquals("/commands", info.get("command_url").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
