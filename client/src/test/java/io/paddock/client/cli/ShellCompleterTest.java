package io.paddock.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.client.testing.PaddockTestServer;
import io.paddock.testing.Timing;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tab completion of commands, flags and znode paths read from the server. */
class ShellCompleterTest {
    private PaddockTestServer server;
    private PaddockClient client;
    private Completer completer;

    @BeforeEach
    void start() {
        server = new PaddockTestServer(200);
        client = PaddockClient.builder().connectString(server.connectString()).build().start();
        assertTrue(client.blockUntilConnected(Timing.scaled(Duration.ofSeconds(10))));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        completer = new PaddockShell(client, server.connectString(), sink, sink).completer();
        for (String p : List.of("/app", "/app/alpha", "/app/beta", "/apple", "/zebra")) {
            client.create().forPath(p, new byte[0]);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** The candidates offered with the cursor at the end of {@code typed}. */
    private List<String> complete(String typed) {
        ParsedLine line = new DefaultParser().parse(typed, typed.length(),
                Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void completesCommandNames() {
        List<String> names = complete("get");
        assertTrue(names.containsAll(List.of("get", "getAcl", "getAllChildrenNumber",
                "getEphemerals", "ls", "deleteall", "addWatch")), names.toString());
    }

    @Test
    void completesTheFlagsOfTheCommandTyped() {
        assertEquals(List.of("-R", "-s", "-w"), complete("ls -"));
        assertEquals(List.of("-c", "-e", "-s", "-t"), complete("create -"));
    }

    @Test
    void completesPathsFromTheServer() {
        assertEquals(List.of("/app", "/apple"), complete("ls /ap"));
        assertEquals(List.of("/app/alpha", "/app/beta"), complete("get -s /app/"));
        assertEquals(List.of("/app/alpha"), complete("get /app/al"));
        List<String> root = complete("stat ");
        assertTrue(root.containsAll(List.of("/app", "/apple", "/zebra", "/zookeeper")),
                root.toString());
        assertEquals(List.of(), complete("get /missing/x"));
    }
}
