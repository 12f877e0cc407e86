package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the side-by-side benchmark in its tiny smoke mode through the same code path as the
 * real runs: both servers as child processes, every row, every report file. No speed assertion.
 */
class SideBySideSmokeTest {

    @Test
    void bothServersAnswerEveryRequestAndTheReportIsWritten(@TempDir Path out) throws Exception {
        String text = runSmoke(out, "--mode", "smoke", "--sessions", "2", "--outstanding", "4",
                "--heap-mb", "256", "--out", out.toString());

        assertTrue(text.contains("--client official"), text);
        assertTrue(text.contains("official ZooKeeper Java client's async API"), text);
        for (String f : List.of("report.csv", "report.json", "throughput.png",
                "ops-per-cpu-second.png", "latency-create.png", "latency-mix-90-10.png",
                "latency-watch.png", "latency-session-churn.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(1 + 4, Files.readAllLines(out.resolve("report.csv")).size());
    }

    @Test
    void paddocksClientDrivesTheThroughputRowsOnBothServers(@TempDir Path out) throws Exception {
        String text = runSmoke(out, "--mode", "smoke", "--sessions", "3", "--outstanding", "4",
                "--heap-mb", "256", "--out", out.toString(), "--client", "paddock");

        assertTrue(text.contains("Paddock client (io.paddock.client.PaddockClient), async API "
                + "(--client paddock)"), text);
        assertTrue(text.contains("driven by Paddock's own client"), text);
        List<String> csv = Files.readAllLines(out.resolve("report.csv"));
        assertTrue(csv.get(1).startsWith("\"create\",CREATE,3,4,200,1,paddock,"), csv.get(1));
        assertTrue(csv.get(3).startsWith("\"watch\",WATCH,1,1,20,1,official,"), csv.get(3));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"client\": \"paddock\""));
    }

    /** Runs the smoke rows, checks every request was answered on both servers; the console. */
    private static String runSmoke(Path out, String... args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        BenchReport report = new SideBySide(options,
                new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(4, report.rows().size());
        for (RowResult r : report.rows()) {
            for (ServerKind k : ServerKind.values()) {
                ServerSummary s = r.summary(k);
                assertAll(r.row().name() + " on " + k.label(),
                        () -> assertEquals(r.row().ops(), s.attempted()),
                        () -> assertEquals(0, s.errorCount(), () -> s.errors().toString()),
                        () -> assertEquals(r.row().ops(), s.latencies().getTotalCount()));
            }
        }
        assertFalse(report.hasErrors(), text);
        assertTrue(text.contains("forceSync=yes"), text);
        assertTrue(text.contains("No errors"), text);
        assertTrue(Files.size(out.resolve("report.json")) > 0);
        return text;
    }
}
