package io.paddock.server.admin.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paddock.server.admin.http.HttpGet;
import io.paddock.server.config.ConsoleConfig;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Console writes: refused while the console is read-only (the default), refused without the
 * same-origin markers or without credentials, and otherwise taken through the server's own
 * request path, checked against the node's ACL with the digest id of the Basic credentials,
 * seen by ZooKeeper's client and firing its watches.
 */
class WebConsoleWritesTest {
    private PaddockTestingServer server;
    private ZooKeeper zk;
    private ConsoleHttp console;

    private void start(boolean writesEnabled) throws Exception {
        server = PaddockTestingServer.builder().operations(OperationsConfig.ephemeral()
                .withConsole(new ConsoleConfig(true, writesEnabled))).start();
        zk = ZooKeeperClients.connect(server.connectString());
        console = new ConsoleHttp(server.server().adminAddress());
    }

    @AfterEach
    void stop() throws Exception {
        if (zk != null) {
            zk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReadOnlyConsoleRefusesEveryWrite() throws Exception {
        start(false);
        HttpResponse<String> r = console.write("create", "{\"path\":\"/x\"}", "alice:secret");
        assertEquals(403, r.statusCode());
        assertEquals("WRITES_DISABLED", HttpGet.parse(r.body()).get("code").asText());
        assertTrue(r.body().contains("paddock.console.writesEnabled"), r.body());
        assertNull(zk.exists("/x", false));
    }

    @Test
    void aWriteNeedsTheConsolesOwnOriginAndCredentials() throws Exception {
        start(true);
        String body = "{\"path\":\"/x\"}";
        // a form post from another site: no JSON, no console header
        HttpResponse<String> form = HttpGet.send(console.post("create", body)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", ConsoleHttp.basic("alice:secret")));
        assertEquals(403, form.statusCode());
        assertEquals("CROSS_ORIGIN", HttpGet.parse(form.body()).get("code").asText());
        HttpResponse<String> otherOrigin = HttpGet.send(console.post("create", body)
                .header("Content-Type", "application/json").header("X-Paddock-Console", "1")
                .header("Origin", "http://evil.example")
                .header("Authorization", ConsoleHttp.basic("alice:secret")));
        assertEquals(403, otherOrigin.statusCode());
        HttpResponse<String> crossSite = HttpGet.send(console.post("create", body)
                .header("Content-Type", "application/json").header("X-Paddock-Console", "1")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Authorization", ConsoleHttp.basic("alice:secret")));
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> anonymous = console.write("create", body, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(405, HttpGet.send(java.net.http.HttpRequest.newBuilder(
                HttpGet.uri(server.server().adminAddress(), "/console/api/create"))
                .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString(body))).statusCode());
        assertNull(zk.exists("/x", false));
    }

    @Test
    void createSetAndDeleteGoThroughTheServerAndFireWatches() throws Exception {
        start(true);
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch deleted = new CountDownLatch(1);
        zk.exists("/made", e -> {
            if (e.getType() == Watcher.Event.EventType.NodeCreated) {
                created.countDown();
            }
        });
        HttpResponse<String> c = console.write("create",
                "{\"path\":\"/made\",\"data\":\"héllo <b>\",\"acl\":\"open\"}", "alice:secret");
        assertEquals(200, c.statusCode(), c.body());
        JsonNode answer = HttpGet.parse(c.body());
        assertEquals("/made", answer.get("path").asText());
        assertTrue(Timing.latch(created), "the client's watch fired");
        Stat stat = new Stat();
        assertArrayEquals("héllo <b>".getBytes(StandardCharsets.UTF_8), zk.getData("/made", e -> {
            if (e.getType() == Watcher.Event.EventType.NodeDataChanged) {
                changed.countDown();
            }
        }, stat));
        assertEquals("0x" + Long.toHexString(stat.getCzxid()), answer.get("zxid").asText());

        HttpResponse<String> badVersion = console.write("set",
                "{\"path\":\"/made\",\"data\":\"x\",\"version\":7}", "alice:secret");
        assertEquals(409, badVersion.statusCode());
        assertEquals("BAD_VERSION", HttpGet.parse(badVersion.body()).get("code").asText());
        HttpResponse<String> set = console.write("set",
                "{\"path\":\"/made\",\"data\":\"AAEC\",\"encoding\":\"base64\",\"version\":0}",
                "alice:secret");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(1, HttpGet.parse(set.body()).get("stat").get("version").asInt());
        assertTrue(Timing.latch(changed), "the data watch fired");
        assertArrayEquals(new byte[] {0, 1, 2}, zk.getData("/made", e -> {
            if (e.getType() == Watcher.Event.EventType.NodeDeleted) {
                deleted.countDown();
            }
        }, null));

        HttpResponse<String> seq = console.write("create",
                "{\"path\":\"/made/item-\",\"sequential\":true}", "alice:secret");
        assertEquals(200, seq.statusCode(), seq.body());
        assertEquals("/made/item-0000000000", HttpGet.parse(seq.body()).get("path").asText());
        assertEquals(409, console.write("delete", "{\"path\":\"/made\"}", "alice:secret").statusCode());
        assertEquals(200, console.write("delete", "{\"path\":\"/made/item-0000000000\"}",
                "alice:secret").statusCode());
        assertEquals(200, console.write("delete", "{\"path\":\"/made\",\"version\":1}",
                "alice:secret").statusCode());
        assertTrue(Timing.latch(deleted), "the delete fired the watch");
        assertNull(zk.exists("/made", false));
        assertEquals(404, console.write("delete", "{\"path\":\"/made\"}", "alice:secret").statusCode());
        assertEquals(400, console.write("create", "{\"path\":\"no-slash\"}", "alice:secret").statusCode());
        assertEquals(400, console.write("create", "not json", "alice:secret").statusCode());
    }

    @Test
    void theNodesAclDecidesWithTheDigestIdOfTheCredentials() throws Exception {
        start(true);
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"));
        zk.create("/alice", "a".getBytes(StandardCharsets.UTF_8),
                new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, alice),
                        new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE))),
                CreateMode.PERSISTENT);
        HttpResponse<String> bob = console.write("set", "{\"path\":\"/alice\",\"data\":\"b\"}",
                "bob:secret");
        assertEquals(403, bob.statusCode());
        assertEquals("NO_AUTH", HttpGet.parse(bob.body()).get("code").asText());
        HttpResponse<String> wrongPassword = console.write("set",
                "{\"path\":\"/alice\",\"data\":\"b\"}", "alice:guess");
        assertEquals(403, wrongPassword.statusCode());
        assertEquals("a", new String(zk.getData("/alice", false, null), StandardCharsets.UTF_8));
        assertEquals(200, console.write("set", "{\"path\":\"/alice\",\"data\":\"b\"}",
                "alice:secret").statusCode());
        assertEquals("b", new String(zk.getData("/alice", false, null), StandardCharsets.UTF_8));
        // creator: the new node's ACL is the writer's digest id only
        assertEquals(200, console.write("create",
                "{\"path\":\"/alice/own\",\"acl\":\"creator\"}", "alice:secret").statusCode());
        zk.addAuthInfo("digest", "alice:secret".getBytes(StandardCharsets.UTF_8));
        List<ACL> acl = zk.getACL("/alice/own", new Stat()); // getACL needs READ or ADMIN
        assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, alice)), acl);
    }
}
