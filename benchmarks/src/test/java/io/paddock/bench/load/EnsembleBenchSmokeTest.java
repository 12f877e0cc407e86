package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * {@code bin/bench --ensemble 3} in tiny form through the same code as the real runs: two
 * 3-server ensembles of child processes, the side-by-side rows spread over the members, one
 * leader kill -9 per ensemble and a restarted follower of a small tree. No speed assertion.
 */
class EnsembleBenchSmokeTest {

    @Test
    void bothEnsemblesAnswerEveryRequestSurviveALeaderKillAndTheReportIsWritten(
            @TempDir Path out) throws Exception {
        EnsembleOptions options = EnsembleOptions.parse("--ensemble", "3", "--mode", "smoke",
                "--sessions", "3", "--outstanding", "4", "--heap-mb", "256", "--znodes", "300",
                "--kills", "1", "--writers", "1", "--out", out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EnsembleBench bench = new EnsembleBench(options,
                new PrintStream(console, true, StandardCharsets.UTF_8));

        BenchReport report = bench.sideBySide();
        Map<ServerKind, EnsembleBench.Result> results = bench.ensembleRows();

        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("create", "mix 90/10", "session churn"),
                report.rows().stream().map(r -> r.row().name()).toList());
        for (RowResult r : report.rows()) {
            for (ServerKind k : ServerKind.values()) {
                ServerSummary s = r.summary(k);
                assertAll(r.row().name() + " on " + k.label(),
                        () -> assertEquals(r.row().ops(), s.attempted()),
                        () -> assertEquals(0, s.errorCount(), () -> s.errors().toString()));
            }
        }
        assertFalse(report.hasErrors(), text);
        assertTrue(text.contains("ensemble of 3"), text);
        for (ServerKind k : ServerKind.values()) {
            EnsembleBench.Result r = results.get(k);
            assertAll(k.label(),
                    () -> assertEquals(1, r.rounds().size()),
                    () -> assertEquals(0, r.rounds().get(0).unanswered()),
                    () -> assertEquals(3, r.rounds().get(0).firstAckMillis().size()),
                    () -> assertEquals(2, r.rounds().get(0).survivorClients()),
                    () -> assertEquals(300, r.follower().znodesOnFollower()),
                    () -> assertTrue(r.complete()));
        }
        for (String f : List.of("report.csv", "report.json", "ensemble.csv", "ensemble.jsonl")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("ensemble.csv"))
                .contains("restarted follower: start -> srvr Mode: follower"));
    }

    @Test
    void optionsDefaultToTheIssuesRowsAndRefuseAnEvenEnsemble() {
        EnsembleOptions o = EnsembleOptions.parse("--ensemble", "3");

        assertEquals(List.of("create", "setdata", "getdata", "mix 90/10", "session churn"),
                o.bench().rowFilter());
        assertEquals(1_000_000, o.znodes());
        assertEquals(5, o.kills());
        assertTrue(o.bench().command().startsWith("EnsembleBench --ensemble 3"));
        assertTrue(o.bench().outputDir().endsWith(Path.of("bench-report", "ensemble-3")),
                o.bench().outputDir()::toString);
        assertThrows(IllegalArgumentException.class, () -> EnsembleOptions.parse("--ensemble",
                "4"));
        assertEquals(List.of("create"), EnsembleOptions.parse("--ensemble", "5", "--rows",
                "create").bench().rowFilter());
    }
}
