package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart and client rows in tiny form, through the same code as the real runs: both
 * servers as child processes, every report file. No speed assertion.
 */
class RestartAndClientSmokeTest {

    @Test
    void bothServersComeBackWithEveryZnodeAndTheReportIsWritten(@TempDir Path out)
            throws Exception {
        RestartOptions options = RestartOptions.parse("--znodes", "500", "--parents", "2",
                "--sessions", "2", "--outstanding", "16", "--heap-mb", "256",
                "--out", out.toString());

        Map<ServerKind, RestartResult> results = new RestartBench(options, quiet()).run();

        for (ServerKind k : ServerKind.values()) {
            RestartResult r = results.get(k);
            assertAll(k.label(),
                    () -> assertEquals(Map.of(), r.loadErrors()),
                    () -> assertEquals(500, r.znodesFound()),
                    () -> assertTrue(r.firstReadMillis() > 0),
                    () -> assertTrue(r.restartedHeapBytes() > 0));
        }
        assertReport(out, "restart.csv", "restart.jsonl");
    }

    @Test
    void everyRequestOfBothClientsIsAnsweredOnBothServers(@TempDir Path out) throws Exception {
        ClientOptions options = ClientOptions.parse("--outstanding", "8", "--get-ops", "300",
                "--set-ops", "100", "--repeats", "1", "--heap-mb", "256",
                "--out", out.toString());

        Map<String, List<RowOutcome>> outcomes = new ClientBench(options, quiet()).run();

        // 2 servers x 2 operations x 2 clients.
        assertEquals(8, outcomes.size(), outcomes.keySet().toString());
        outcomes.forEach((cell, repeats) -> repeats.forEach(o -> assertAll(cell,
                () -> assertEquals(0, o.errorCount(), () -> o.errors().toString()),
                () -> assertEquals(o.attempted(), o.succeeded()))));
        assertReport(out, "client.csv", "client.jsonl");
    }

    private static void assertReport(Path out, String csv, String jsonl) throws Exception {
        assertTrue(Files.size(out.resolve(csv)) > 0, csv);
        List<String> lines = Files.readAllLines(out.resolve(jsonl));
        assertTrue(lines.size() > 1, jsonl);
        lines.forEach(l -> assertTrue(l.startsWith("{") && l.endsWith("}"), l));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
