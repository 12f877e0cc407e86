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
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the shell's interpreter line by line, as a user at the prompt would. */
class PaddockShellTest {
    private PaddockTestServer server;
    private PaddockClient client;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private PaddockShell shell;

    @BeforeEach
    void start() {
        server = new PaddockTestServer(200);
        client = PaddockClient.builder().connectString(server.connectString()).build().start();
        assertTrue(client.blockUntilConnected(Timing.scaled(Duration.ofSeconds(10))));
        shell = new PaddockShell(client, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private String run(String line) {
        bytes.reset();
        assertTrue(shell.execute(line));
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void commandsLikeZkCli() {
        assertEquals("Created /app", run("create /app hello"));
        assertEquals("hello", run("get /app"));
        assertEquals("", run("set /app world"));
        assertEquals("world", run("get /app"));
        assertTrue(run("create -e -s /app/w- x").matches("Created /app/w-\\d{10}"));
        assertEquals("Created /app/p", run("create /app/p"));
        String ls = run("ls /app");
        assertTrue(ls.startsWith("[p, w-") && ls.endsWith("]"), ls);
        assertTrue(run("stat /app").contains("dataVersion = 1"));
        assertTrue(run("exists /app/p").contains("numChildren = 0"));
        assertEquals("Node does not exist: /nope", run("exists /nope"));
        assertEquals("Node does not exist: /nope", run("get /nope"));
        assertEquals("Node already exists: /app/p", run("create /app/p"));
        assertEquals("'world,'anyone\n: cdrwa", run("getAcl /app").replace("\r", ""));
        assertEquals("BAD_VERSION: /app/p", run("delete /app/p 7"));
        assertEquals("", run("delete /app/p 0"));
        assertTrue(run("frobnicate").startsWith("usage:"));
        assertTrue(run("get").startsWith("usage:"));
        assertFalse(shell.execute("quit"));
    }
}
