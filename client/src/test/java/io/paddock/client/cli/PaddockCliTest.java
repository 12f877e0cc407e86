package io.paddock.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paddock.client.PaddockClient;
import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.ZooKeeperTestServer;
import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.testing.Timing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paddock-cli as scripts and users start it: one-shot exit codes, --json, the interactive loop. */
class PaddockCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PaddockTestServer server;
    private PaddockClient client;
    private String out;
    private String err;

    @BeforeEach
    void start() {
        server = new PaddockTestServer(200);
        client = PaddockClient.builder().connectString(server.connectString()).build().start();
        assertTrue(client.blockUntilConnected(Timing.scaled(Duration.ofSeconds(10))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private int cli(InputStream in, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = PaddockShell.run(args, in, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8).replace("\r", "");
        err = e.toString(StandardCharsets.UTF_8).replace("\r", "");
        return code;
    }

    /** One-shot: {@code paddock-cli -server <test server> words...}. */
    private int oneShot(String... words) {
        List<String> args = new ArrayList<>(List.of("-server", server.connectString(),
                "-timeout", Long.toString(Timing.scaled(Duration.ofSeconds(10)).toMillis())));
        args.addAll(List.of(words));
        return cli(InputStream.nullInputStream(), args.toArray(String[]::new));
    }

    @Test
    void oneShotSucceedsWithExitZero() {
        assertEquals(0, oneShot("create", "/one", "hello"));
        assertEquals("Created /one\n", out);
        assertEquals(0, oneShot("get", "/one"));
        assertEquals("hello\n", out);
        assertEquals(0, oneShot("ls", "-R", "/"));
        assertTrue(out.lines().toList().containsAll(List.of("/", "/one", "/zookeeper")), out);
        assertEquals("", err);
    }

    @Test
    void everyKindOfErrorExitsNonZero() {
        client.create().forPath("/versioned", new byte[0]);
        client.create().withAcl(List.of(new ACL(ACL.Perms.ALL, new Id("digest",
                "bob:AAAAAAAAAAAAAAAAAAAAAAAAAAA=")))).forPath("/locked", new byte[0]);

        assertEquals(1, oneShot("get", "/missing"));
        assertEquals("Node does not exist: /missing\n", err);
        assertEquals(1, oneShot("set", "-v", "7", "/versioned", "x"));
        assertEquals("version No is not valid : /versioned\n", err);
        assertEquals(1, oneShot("get", "/locked"));
        assertEquals("Authentication is not valid : /locked\n", err);
        assertEquals(2, oneShot("ls", "-x", "/"));
        assertTrue(err.startsWith("Unrecognized option: -x"), err);
        assertEquals(2, oneShot("frobnicate"));
        assertTrue(err.startsWith("Command not found: frobnicate"), err);
        assertEquals(2, cli(InputStream.nullInputStream(), "-timeout", "soon", "ls", "/"));
    }

    @Test
    void aServerThatIsNotThereExitsThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertEquals(3, cli(InputStream.nullInputStream(), "-server", "127.0.0.1:" + port,
                "-timeout", "1000", "ls", "/"));
        assertTrue(err.startsWith("Could not connect to 127.0.0.1:" + port), err);
    }

    @Test
    void jsonGivesOneDocumentPerCommand() throws IOException {
        assertEquals(0, oneShot("--json", "create", "/j", "data"));
        JsonNode created = JSON.readTree(out);
        assertEquals("create", created.get("command").asText());
        assertTrue(created.get("ok").asBoolean());
        assertEquals("/j", created.get("result").get("path").asText());

        assertEquals(0, oneShot("--json", "ls", "-s", "/"));
        JsonNode ls = JSON.readTree(out);
        assertTrue(ls.get("result").get("children").toString().contains("\"j\""), out);
        assertEquals(2, ls.get("result").get("stat").get("numChildren").asInt());

        assertEquals(0, oneShot("--json", "get", "-s", "/j"));
        JsonNode get = JSON.readTree(out);
        assertEquals("data", get.get("result").get("data").asText());
        assertEquals(4, get.get("result").get("stat").get("dataLength").asInt());

        assertEquals(1, oneShot("--json", "get", "/nope"));
        JsonNode failed = JSON.readTree(out);
        assertFalse(failed.get("ok").asBoolean());
        assertEquals("NO_NODE", failed.get("code").asText());
        assertEquals("Node does not exist: /nope", failed.get("error").asText());
        assertEquals(1, out.lines().count());
    }

    @Test
    void interactiveLoopOnADumbTerminalKeepsAHistoryFile(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("history");
        String typed = "create /i first\nget /i\nset /i 'second value'\nget /i\nhistory\nquit\n";
        int code = cli(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                "-server", server.connectString(), "-history", history.toString());
        assertEquals(0, code, err);
        assertTrue(out.contains("Created /i"), out);
        assertEquals(1, out.split("\\] create /i first\n", -1).length - 1, "echoed twice: " + out);
        assertTrue(out.contains("first\n"), out);
        assertTrue(out.contains("second value\n"), out);
        assertTrue(out.contains("[paddock: " + server.connectString() + "(CONNECTED) 1] "), out);
        assertTrue(out.contains("0 - create /i first\n1 - get /i\n2 - set /i 'second value'"),
                out);
        String saved = Files.readString(history);
        assertTrue(saved.contains("create /i first") && saved.contains("history"), saved);
    }

    @Test
    void interactiveLoopEndsAtEndOfInputWithTheLastExitCode() {
        byte[] typed = "ls /\nget /absent\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, cli(new ByteArrayInputStream(typed), "-server", server.connectString(),
                "-history", "none"));
        assertTrue(err.contains("Node does not exist: /absent"), err);
        assertTrue(out.contains("[zookeeper]"), out);
    }

    @Test
    void worksAgainstApacheZooKeeperToo() {
        try (ZooKeeperTestServer zk = new ZooKeeperTestServer(200)) {
            String[] base = {"-server", zk.connectString(), "-timeout",
                Long.toString(Timing.scaled(Duration.ofSeconds(10)).toMillis())};
            assertEquals(0, cli(InputStream.nullInputStream(), concat(base, "create", "/z", "v")));
            assertEquals(0, cli(InputStream.nullInputStream(), concat(base, "get", "-s", "/z")));
            assertTrue(out.startsWith("v\ncZxid = 0x"), out);
            assertEquals(0, cli(InputStream.nullInputStream(), concat(base, "ls", "-R", "/")));
            assertTrue(out.contains("/z\n"), out);
            assertEquals(0, cli(InputStream.nullInputStream(), concat(base, "whoami")));
            assertTrue(out.startsWith("Auth scheme: User\nip: 127.0.0.1"), out);
            assertEquals(0, cli(InputStream.nullInputStream(),
                    concat(base, "getAllChildrenNumber", "/z")));
            assertEquals("0\n", out);
            assertEquals(1, cli(InputStream.nullInputStream(), concat(base, "delete", "/nope")));
            assertEquals("Node does not exist: /nope\n", err);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, cli(InputStream.nullInputStream(), "--help"));
        for (String cmd : List.of("ls [-s] [-w] [-R] path", "get [-s] [-w] path",
                "create [-s] [-e] [-c] [-t ttl] path [data] [acl]", "deleteall", "setAcl",
                "addWatch", "removewatches", "getEphemerals", "getAllChildrenNumber", "whoami",
                "config", "history", "redo", "printwatches", "connect", "close", "quit")) {
            assertTrue(out.contains(cmd), cmd + " missing from " + out);
        }
    }
}
