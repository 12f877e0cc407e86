package io.paddock.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.client.testing.PaddockTestServer;
import io.paddock.testing.Timing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives each shell command and flag line by line, as a user at the prompt would. */
class PaddockShellTest {
    private PaddockTestServer server;
    private PaddockClient client;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PaddockShell shell;

    @BeforeEach
    void start() {
        server = new PaddockTestServer(200);
        client = PaddockClient.builder().connectString(server.connectString()).build().start();
        assertTrue(client.blockUntilConnected(Timing.scaled(Duration.ofSeconds(10))));
        shell = new PaddockShell(client, server.connectString(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Runs a line that must succeed; returns what it printed on stdout. */
    private String ok(String line) {
        int mark = out.size();
        err.reset();
        int code = shell.execute(line);
        assertEquals(0, code, line + " failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).substring(mark).strip();
    }

    /** Runs a line that must fail with {@code code}; returns what it printed on stderr. */
    private String fails(int code, String line) {
        err.reset();
        assertEquals(code, shell.execute(line), line);
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private void awaitOutput(String text) {
        Timing.await().until(() -> out.toString(StandardCharsets.UTF_8).contains(text));
    }

    @Test
    void lsWithStatRecursionAndWatch() {
        ok("create /app");
        ok("create /app/b");
        ok("create /app/a");
        ok("create /app/a/x");
        assertEquals("[a, b]", ok("ls /app"));
        String withStat = ok("ls -s /app");
        assertTrue(withStat.startsWith("[a, b]\ncZxid = 0x"), withStat);
        assertTrue(withStat.contains("numChildren = 2"), withStat);
        assertEquals("/app\n/app/a\n/app/a/x\n/app/b", ok("ls -R /app"));
        assertTrue(ok("ls /").contains("zookeeper"));
        ok("ls -w /app");
        ok("create /app/c");
        awaitOutput("WatchedEvent state:SyncConnected type:NodeChildrenChanged path:/app");
        assertEquals("Node does not exist: /nope", fails(1, "ls /nope"));
    }

    @Test
    void getAndSetWithTheirFlags() {
        ok("create /g hello");
        assertEquals("hello", ok("get /g"));
        assertTrue(ok("get -s /g").matches("(?s)hello\ncZxid = 0x.*dataVersion = 0.*"));
        assertEquals("", ok("set /g world"));
        assertTrue(ok("set -s /g again").contains("dataVersion = 2"));
        assertEquals("version No is not valid : /g", fails(1, "set -v 0 /g stale"));
        assertEquals("", ok("set -v 2 /g fresh"));
        ok("set -b /g aGk=");
        assertEquals("hi", ok("get /g"));
        ok("set /g \"two words\"");
        assertEquals("two words", ok("get /g"));
        ok("get -w /g");
        ok("set /g changed");
        awaitOutput("type:NodeDataChanged path:/g");
        assertEquals("Node does not exist: /nope", fails(1, "get /nope"));
        assertTrue(fails(2, "set /g").startsWith("usage: set"));
    }

    @Test
    void createModesAndTheirRules() {
        assertEquals("Created /p", ok("create /p data"));
        assertTrue(ok("create -s /p/s- x").matches("Created /p/s-\\d{10}"));
        assertTrue(ok("create -e -s /p/es- x").matches("Created /p/es-\\d{10}"));
        assertEquals("Created /e", ok("create -e /e"));
        assertFalse(ok("stat /e").contains("ephemeralOwner = 0x0\n"));
        assertEquals("Created /c", ok("create -c /c"));
        // As ZooKeeper, the server shows containers and TTL nodes with ephemeralOwner 0.
        assertTrue(ok("stat /c").contains("ephemeralOwner = 0x0\n"));
        assertEquals("Created /t", ok("create -t 60000 /t"));
        assertTrue(ok("create -s -t 60000 /ts- x").startsWith("Created /ts-"));
        assertEquals("Created /r", ok("create /r data world:anyone:r"));
        assertEquals("'world,'anyone\n: r", ok("getAcl /r"));
        assertEquals("Node already exists: /p", fails(1, "create /p"));
        assertEquals("Ephemerals cannot have children: /e/x", fails(1, "create /e/x"));
        assertTrue(fails(2, "create -c -e /x").startsWith("-c cannot be combined"));
        assertEquals("TTLs cannot be used with Ephemeral znodes", fails(2, "create -e -t 5 /x"));
        assertEquals("TTLs cannot be used with Container znodes", fails(2, "create -c -t 5 /x"));
        assertTrue(fails(2, "create -t soon /x").startsWith("-t argument must be a number"));
        assertTrue(fails(2, "create /x d nonsense").contains("does not have the form"));
    }

    @Test
    void deleteAndDeleteAll() {
        ok("create /d");
        ok("create /d/a");
        assertEquals("Node not empty: /d", fails(1, "delete /d"));
        assertEquals("version No is not valid : /d/a", fails(1, "delete -v 3 /d/a"));
        ok("delete -v 0 /d/a");
        ok("delete /d");
        assertEquals("Node does not exist: /d", fails(1, "delete /d"));
        ok("create /tree");
        for (String p : new String[] {"/tree/a", "/tree/a/1", "/tree/a/2", "/tree/b", "/tree/c"}) {
            ok("create " + p);
        }
        assertEquals("5", ok("getAllChildrenNumber /tree"));
        ok("deleteall -b 2 /tree");
        assertEquals("Node does not exist: /tree", fails(1, "stat /tree"));
        assertTrue(fails(2, "deleteall -b none /x").startsWith("-b argument must be a number"));
    }

    @Test
    void statWithWatchOnAMissingNode() {
        ok("create /s x");
        String stat = ok("stat /s");
        assertTrue(stat.startsWith("cZxid = 0x"), stat);
        assertTrue(stat.contains("dataLength = 1\nnumChildren = 0"), stat);
        assertEquals("Node does not exist: /later", fails(1, "stat -w /later"));
        ok("create /later");
        awaitOutput("type:NodeCreated path:/later");
    }

    @Test
    void aclsAuthAndWhoAmI() throws Exception {
        ok("create /a");
        ok("create /a/child");
        assertEquals("'world,'anyone\n: cdrwa", ok("getAcl /a"));
        assertTrue(ok("getAcl -s /a").contains("aclVersion = 0"));
        assertTrue(ok("setAcl -s /a world:anyone:cdrwa").contains("aclVersion = 1"));
        assertEquals("version No is not valid : /a", fails(1, "setAcl -v 0 /a world:anyone:r"));
        ok("setAcl -R /a world:anyone:cdrw");
        assertEquals("'world,'anyone\n: cdrw", ok("getAcl /a/child"));

        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA1")
                .digest("bob:secret".getBytes(StandardCharsets.UTF_8)));
        ok("create /locked x digest:bob:" + digest + ":cdrwa");
        assertEquals("Authentication is not valid : /locked", fails(1, "get /locked"));
        assertEquals("Auth scheme: User\nip: 127.0.0.1", ok("whoami"));
        ok("addauth digest bob:secret");
        assertEquals("x", ok("get /locked"));
        assertTrue(ok("whoami").contains("digest: bob"));
        assertTrue(fails(2, "setAcl /a").startsWith("usage: setAcl"));
    }

    @Test
    void syncEphemeralsAndChildrenNumber() {
        assertEquals("Sync is OK", ok("sync /"));
        ok("create /n");
        ok("create -e /n/e1");
        ok("create -e /n/e2");
        ok("create -e /solo");
        assertEquals("[/n/e1, /n/e2, /solo]", ok("getEphemerals"));
        assertEquals("[/n/e1, /n/e2]", ok("getEphemerals /n"));
        assertEquals("2", ok("getAllChildrenNumber /n"));
        assertEquals("Node does not exist: /none", fails(1, "getAllChildrenNumber /none"));
    }

    @Test
    void persistentWatchesAndTheirRemoval() {
        ok("create /w");
        ok("addWatch /w");
        ok("create /w/deep");
        awaitOutput("type:NodeCreated path:/w/deep");
        ok("create /pw");
        ok("addWatch -m PERSISTENT /pw");
        ok("set /pw v");
        awaitOutput("type:NodeDataChanged path:/pw");
        assertTrue(fails(2, "addWatch -m SOMETIMES /pw").contains("PERSISTENT"));
        ok("removewatches /pw -p");
        awaitOutput("type:PersistentWatchRemoved path:/pw");
        ok("get -w /w/deep");
        ok("removewatches /w/deep -d");
        awaitOutput("type:DataWatchRemoved path:/w/deep");
        assertEquals("KeeperErrorCode = NoWatcher for /w/deep", fails(1, "removewatches /w/deep"));
    }

    @Test
    void printWatchesTurnsEventOutputOff() {
        assertEquals("printwatches is on", ok("printwatches"));
        ok("printwatches off");
        assertEquals("printwatches is off", ok("printwatches"));
        ok("create /q");
        ok("get -w /q");
        long before = shell.eventsDelivered();
        ok("set /q 1");
        // Events arrive on their own thread: this one must have come before printing resumes.
        Timing.await().until(() -> shell.eventsDelivered() > before);
        ok("printwatches on");
        ok("get -w /q");
        ok("set /q 2");
        awaitOutput("type:NodeDataChanged path:/q");
        String all = out.toString(StandardCharsets.UTF_8);
        assertEquals(all.indexOf("type:NodeDataChanged"), all.lastIndexOf("type:NodeDataChanged"),
                "the event while printwatches was off was printed: " + all);
        assertTrue(fails(2, "printwatches maybe").startsWith("usage: printwatches"));
    }

    @Test
    void configShowsTheDynamicConfigNode() {
        shell.execute("config");
        assertEquals(0, shell.execute("config -s"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("dataVersion = "));
        assertEquals("3 127.0.0.1:2181,h2:2182",
                ServerCommands.clientConfig("server.1=127.0.0.1:2888:3888:participant;2181\n"
                        + "server.2=h1:2888:3888;h2:2182\nserver.3=h3:2888:3888\nversion=3"));
    }

    @Test
    void historyAndRedo() {
        ok("create /h");
        ok("delete /h");
        assertEquals("0 - create /h\n1 - delete /h\n2 - history", ok("history"));
        assertEquals("Created /h", ok("redo 0"));
        assertEquals("0 - create /h\n1 - delete /h\n2 - history\n3 - create /h\n4 - history",
                ok("history"));
        assertEquals("Command index out of range", fails(2, "redo 99"));
        assertEquals("Node already exists: /h", fails(1, "redo 3"));
    }

    @Test
    void closeConnectAndQuit() {
        ok("close");
        assertEquals("Not connected", fails(3, "ls /"));
        ok("connect " + server.connectString());
        assertTrue(ok("ls /").contains("zookeeper"));
        assertFalse(shell.quitRequested());
        ok("quit");
        assertTrue(shell.quitRequested());
    }

    @Test
    void badInputIsAUsageError() {
        assertTrue(fails(2, "frobnicate /").startsWith("Command not found: frobnicate"));
        assertTrue(fails(2, "ls -x /").startsWith("Unrecognized option: -x"));
        assertEquals("usage: get [-s] [-w] path", fails(2, "get"));
        assertTrue(fails(2, "get relative").contains("must start with /"));
        assertTrue(fails(2, "set /a \"unclosed").startsWith("unclosed quote"));
        assertEquals(0, shell.execute("   "));
    }
}
