package io.paddock.server.admin.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.server.testing.PaddockTestingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: headless Chromium loads the page from a live server, runs its
 * script, and the test reads the resulting document. Znodes are made with ZooKeeper's own
 * client. A screenshot of the tree page is kept as {@code target/console.png} (and of the
 * charts as {@code target/console-charts.png}).
 *
 * <p>Skipped, saying why, where no Chromium is installed (CI installs none; on Debian
 * {@code apt-get install chromium} provides it).
 */
class WebConsoleBrowserTest {
    private static final String XSS_DATA = "<script>document.title='pwned'</script>"
            + "<img src=x onerror=\"document.title='pwned'\">";
    private static final String XSS_CHILD = "<img src=y onerror=alert(1)>";
    private static final int BUDGET_MS = 5_000;

    private static final String NO_CHROMIUM = "no chromium, chromium-browser or google-chrome on"
            + " the PATH: the browser test of the web console is skipped (apt-get install chromium)";

    private static Path binary;
    private static PaddockTestingServer server;
    private static ZooKeeper zk;
    private static String base;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        binary = HeadlessChromium.find();
        if (binary == null) {
            return; // each test reports itself skipped, with the reason
        }
        server = PaddockTestingServer.builder().operatorEndpoints().start();
        zk = ZooKeeperClients.connect(server.connectString());
        zk.create("/console-demo", "{\"service\":\"billing\",\"replicas\":3}".getBytes(
                StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/console-demo/alpha", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/console-demo/live", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.create("/xss", XSS_DATA.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        zk.create("/xss/" + XSS_CHILD, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        base = "http://127.0.0.1:" + server.server().adminAddress().getPort() + "/console/";
    }

    @AfterAll
    static void stop() throws Exception {
        if (zk != null) {
            zk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(binary != null, NO_CHROMIUM);
    }

    private static HeadlessChromium chromium() {
        return HeadlessChromium.at(binary, work);
    }

    @Test
    void theTreePageShowsAZnodeMadeByZooKeepersClient() throws Exception {
        String dom = chromium().dumpDom(base + "#tree:%2Fconsole-demo", BUDGET_MS);
        assertTrue(dom.contains("data-ready=\"tree\""), "the script rendered the tree:\n" + dom);
        assertTrue(dom.contains("<h2 id=\"node-path\">/console-demo</h2>"), dom);
        assertTrue(dom.contains("\"service\" : \"billing\""), "pretty JSON data:\n" + dom);
        assertTrue(dom.contains(">alpha</a>") && dom.contains(">live</a>"), "children:\n" + dom);
        assertTrue(dom.contains("<td>world</td><td>anyone</td><td>cdrwa</td>"), "ACL:\n" + dom);
        assertTrue(dom.contains("<th>numChildren</th><td>2</td>"), "Stat:\n" + dom);
    }

    @Test
    void aZnodeHoldingMarkupRendersAsText() throws Exception {
        String dom = chromium().dumpDom(base + "#tree:%2Fxss", BUDGET_MS);
        assertTrue(dom.contains("data-ready=\"tree\""), dom);
        assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
                "the data is shown as its characters:\n" + dom);
        assertTrue(dom.contains("&lt;img src=y onerror=alert(1)&gt;</a>"),
                "the child's name is shown as its characters:\n" + dom);
        assertFalse(dom.contains("<img src=\"x\""), "no element was made of the data");
        assertFalse(dom.contains("<img src=\"y\""), "no element was made of the child's name");
        assertFalse(dom.contains("pwned</title>"), "no script of the data ran");
        assertTrue(dom.contains("<title>Paddock console</title>"), dom);
    }

    @Test
    void sessionsPageListsTheClientsEphemeral() throws Exception {
        String dom = chromium().dumpDom(base + "#sessions", BUDGET_MS);
        assertTrue(dom.contains("data-ready=\"sessions\""), dom);
        assertTrue(dom.contains("0x" + Long.toHexString(zk.getSessionId())), dom);
        assertTrue(dom.contains(">/console-demo/live</a>"), dom);
    }

    @Test
    void chartsAndServersRender() throws Exception {
        String charts = chromium().dumpDom(base + "#charts", BUDGET_MS);
        assertTrue(charts.contains("data-ready=\"charts\""), charts);
        assertTrue(charts.matches("(?s).*<svg id=\"chart-throughput\"[^>]*>.*<path d=\"M.*"),
                "the throughput chart has a line:\n" + charts);
        assertTrue(charts.matches("(?s).*<svg id=\"chart-fsync\"[^>]*>.*<path d=\"M.*"), charts);
        String servers = chromium().dumpDom(base + "#servers", BUDGET_MS);
        assertTrue(servers.contains("data-ready=\"servers\""), servers);
        assertTrue(servers.contains("<td>standalone</td>"), servers);
    }

    @Test
    void screenshotsAreKeptAsPngs() throws Exception {
        Path tree = Path.of("target", "console.png");
        chromium().screenshot(base + "#tree:%2Fconsole-demo", tree, BUDGET_MS);
        assertPng(tree);
        Path charts = Path.of("target", "console-charts.png");
        chromium().screenshot(base + "#charts", charts, BUDGET_MS);
        assertPng(charts);
    }

    private static void assertPng(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " was written");
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " has an image in it: " + bytes.length + " bytes");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                Arrays.copyOf(bytes, 8), file + " is a PNG");
    }
}
