package io.paddock.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paddock.dist.Installation.Result;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's proof against one server started from the unpacked tarball with
 * {@code bin/paddock-server.sh start}, on free ports for clients, the admin server, the
 * Prometheus endpoint and remote JMX (JMXPORT in java.env): the official ZooKeeper client,
 * Paddock's MBeans over remote JMX, ZooKeeper's metric names at /metrics, every admin command,
 * the shell in one-shot mode with its exit codes, a refused second start, and stop.
 *
 * <p>One server serves every test of the class (a start costs seconds); each test leaves its
 * own nodes under a path of its own. Skipped when no bash can be started.
 */
class TarballProofTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_WAIT = Duration.ofSeconds(30);
    private static final Duration SESSION = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private static Installation paddock;
    private static int clientPort;
    private static int adminPort;
    private static int metricsPort;
    private static int jmxPort;
    private static long pid;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Timing.scaled(HTTP_WAIT)).build();

    @BeforeAll
    static void startFromTheTarball() throws Exception {
        assumeTrue(Installation.bashAvailable(), "bash is not available: the scripts cannot run");
        paddock = Installation.unpack(tmp);
        clientPort = Installation.freePort();
        adminPort = Installation.freePort();
        metricsPort = Installation.freePort();
        jmxPort = Installation.freePort();
        paddock.writeConf("zoo.cfg",
                "dataDir=" + paddock.data,
                "clientPortAddress=127.0.0.1",
                "clientPort=" + clientPort,
                "admin.serverAddress=127.0.0.1",
                "admin.serverPort=" + adminPort,
                "metricsProvider.httpHost=127.0.0.1",
                "metricsProvider.httpPort=" + metricsPort);
        paddock.writeConf("java.env",
                "SERVER_JVMFLAGS=\"-Xmx256m $SERVER_JVMFLAGS\"",
                "JMXPORT=" + jmxPort,
                "JMXHOST=127.0.0.1",
                "JMXAUTH=false",
                "JMXSSL=false");

        Result start = paddock.script("paddock-server.sh", "start");
        assertEquals(0, start.status(), start.output());
        assertTrue(start.output().contains("STARTED"), start.output());
        pid = paddock.pidFromFile();
        assertTrue(Installation.running(pid), "the pid file names process " + pid + ", which is not running");
    }

    @AfterAll
    static void stop() throws Exception {
        if (paddock == null) {
            return;
        }
        try {
            Result stop = paddock.script("paddock-server.sh", "stop");
            assertEquals(0, stop.status(), stop.output());
            assertTrue(stop.output().contains("STOPPED"), stop.output());
            assertFalse(Installation.running(pid), "stop returned while process " + pid + " runs");
            assertEquals(-1, paddock.pidFromFile(), "the pid file is left");
        } finally {
            long left = paddock.pidFromFile();
            if (left > 0) {
                ProcessHandle.of(left).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aSecondStartIsRefused() throws Exception {
        Result again = paddock.script("paddock-server.sh", "start");

        assertNotEquals(0, again.status(), again.output());
        assertTrue(again.output().contains("already running as process " + pid), again.output());
        assertEquals(pid, paddock.pidFromFile());
    }

    @Test
    void theOfficialClientCreatesAndReadsANode() throws Exception {
        try (ZooKeeper zk = connect()) {
            String created = zk.create("/official", "from zookeeper 3.9.5".getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertEquals("/official", created);
            Stat stat = new Stat();
            assertEquals("from zookeeper 3.9.5",
                    new String(zk.getData("/official", false, stat), StandardCharsets.UTF_8));
            assertEquals(0, stat.getVersion());
            assertTrue(zk.getChildren("/", false).contains("official"));
        }
    }

    @Test
    void remoteJmxReadsPaddocksMBeans() throws Exception {
        JMXServiceURL url = new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector jmx = JMXConnectorFactory.connect(url);
                ZooKeeper zk = connect()) {
            MBeanServerConnection beans = jmx.getMBeanServerConnection();
            ObjectName server = new ObjectName("io.paddock:server=" + clientPort + ",type=Server");
            ObjectName tree = new ObjectName("io.paddock:server=" + clientPort + ",type=DataTree");
            assertEquals("serving", beans.getAttribute(server, "State"));
            assertEquals(clientPort, beans.getAttribute(server, "ClientPort"));
            assertEquals("standalone", beans.getAttribute(server, "ServerMode"));
            int before = (Integer) beans.getAttribute(tree, "NodeCount");

            zk.create("/jmx", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            Timing.await().until(() -> (Integer) beans.getAttribute(tree, "NodeCount") == before + 1);
            ObjectName connections = new ObjectName(
                    "io.paddock:server=" + clientPort + ",type=Connections,*");
            // A connection's bean is registered once it has been open a moment.
            Timing.await().until(() -> !beans.queryNames(connections, null).isEmpty());
            assertTrue((Integer) beans.getAttribute(server, "NumAliveConnections") >= 1);
        }
    }

    @Test
    void metricsCarryZooKeepersNames() throws Exception {
        try (ZooKeeper zk = connect()) {
            zk.create("/metrics", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.exists("/metrics", true);

            HttpResponse<String> scrape = get(metricsPort, "/metrics");

            assertEquals(200, scrape.statusCode(), scrape.body());
            String body = scrape.body();
            for (String name : List.of("znode_count", "watch_count", "num_alive_connections",
                    "outstanding_requests", "avg_latency", "jvm_threads_current",
                    "jvm_memory_bytes_used")) {
                assertTrue(Pattern.compile("(?m)^" + name + "[ {]").matcher(body).find(),
                        name + " is not among the metrics:\n" + body);
            }
            assertTrue(value(body, "znode_count") >= 3, "/, /zookeeper and /metrics at least:\n" + body);
            assertTrue(value(body, "num_alive_connections") >= 1, body);
            assertTrue(value(body, "watch_count") >= 1, "the exists watch is counted:\n" + body);
        }
    }

    @Test
    void everyAdminCommandAnswersWithJson() throws Exception {
        HttpResponse<String> index = get(adminPort, "/commands");
        assertEquals(200, index.statusCode(), index.body());
        List<String> names = new ArrayList<>();
        Matcher links = Pattern.compile("href=\"/commands/([^\"]+)\"").matcher(index.body());
        while (links.find()) {
            names.add(links.group(1));
        }
        assertTrue(names.containsAll(List.of("ruok", "server_stats", "monitor", "configuration",
                "connections", "dump", "environment", "watch_summary")), "the index: " + names);

        for (String name : names) {
            HttpResponse<String> reply = get(adminPort, "/commands/" + name);
            assertEquals(200, reply.statusCode(), name + ": " + reply.body());
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    name + " answers " + reply.headers().map());
            JsonNode json = JSON.readTree(reply.body());
            assertTrue(json.isObject(), name + ": " + reply.body());
            assertEquals(name, json.path("command").asText(), reply.body());
            if (!name.equals("leader")) {
                // A standalone server has no leader; ZooKeeper's answer is an error field then.
                assertTrue(json.path("error").isNull(), name + ": " + reply.body());
            }
        }

        HttpResponse<String> health = get(adminPort, "/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode json = JSON.readTree(health.body());
        assertEquals("ok", json.path("status").asText(), health.body());
        assertTrue(json.path("serving").asBoolean(), health.body());
    }

    @Test
    void oneShotShellSucceedsWithExitZero() throws Exception {
        Result create = cli("create", "/shell", "hello");
        assertEquals(0, create.status(), create.output());
        assertTrue(create.output().contains("Created /shell"), create.output());

        Result read = cli("get", "/shell");
        assertEquals(0, read.status(), read.output());
        assertTrue(read.output().contains("hello"), read.output());

        Result list = cli("ls", "-R", "/");
        assertEquals(0, list.status(), list.output());
        assertTrue(list.output().contains("/shell") && list.output().contains("/zookeeper"), list.output());
    }

    @Test
    void oneShotShellFailsWithNonZeroExitAndPlainWords() throws Exception {
        try (ZooKeeper zk = connect()) {
            zk.create("/versioned", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            String digest = DigestAuthenticationProvider.generateDigest("alice:secret");
            zk.create("/secret", "hidden".getBytes(StandardCharsets.UTF_8),
                    // A mutable list: ZooKeeper asks it whether it contains null.
                    new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest)))),
                    CreateMode.PERSISTENT);
        }

        assertRefused(cli("get", "/missing"), "Node does not exist: /missing");
        assertRefused(cli("set", "-v", "99", "/versioned", "x"), "version No is not valid : /versioned");
        Result noAuth = cli("get", "/secret");
        assertRefused(noAuth, "Authentication is not valid : /secret");
        assertFalse(noAuth.output().contains("hidden"), noAuth.output());
    }

    /** Exit code 1 (the server refused), the message in zkCli's words, no stack trace. */
    private static void assertRefused(Result result, String message) {
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains(message), result.output());
        assertFalse(result.output().contains("Exception") || result.output().contains("\tat "),
                "a plain message, not a stack trace: " + result.output());
    }

    private static Result cli(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-server", "127.0.0.1:" + clientPort));
        args.addAll(List.of(command));
        return paddock.script("paddock-cli.sh", args.toArray(String[]::new));
    }

    private static ZooKeeper connect() throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + clientPort, (int) SESSION.toMillis(), event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!Timing.latch(connected, SESSION)) {
            zk.close();
            throw new AssertionError("the official client did not connect to 127.0.0.1:" + clientPort);
        }
        return zk;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Timing.scaled(HTTP_WAIT)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an unlabelled sample {@code name} in a Prometheus text exposition. */
    private static double value(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(exposition);
        assertTrue(m.find(), name + " has no unlabelled sample:\n" + exposition);
        return Double.parseDouble(m.group(1));
    }
}
