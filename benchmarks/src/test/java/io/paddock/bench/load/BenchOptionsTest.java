package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreQuickSixteenBySixtyFourIntoTheModulesTarget() {
        BenchOptions o = BenchOptions.parse();

        assertEquals(Mode.QUICK, o.mode());
        assertEquals(16, o.sessions());
        assertEquals(64, o.outstanding());
        assertEquals(2, o.repeats());
        assertEquals(new ServerSettings(2000, 1024), o.settings());
        assertTrue(o.outputDir().endsWith(Path.of("target", "bench-report")), o.outputDir()::toString);
        assertEquals(LoadClient.OFFICIAL, o.client());
    }

    @Test
    void clientPicksTheLibraryOfTheThroughputRowsAndRefusesAnyOther() {
        BenchOptions paddock = BenchOptions.parse("--client", "paddock", "--mode", "smoke");

        assertEquals(LoadClient.PADDOCK, paddock.client());
        assertEquals(LoadClient.OFFICIAL, BenchOptions.parse("--client", "official").client());
        assertEquals(LoadClient.PADDOCK, paddock.client().forRow(RowKind.CREATE));
        assertEquals(LoadClient.OFFICIAL, paddock.client().forRow(RowKind.WATCH));
        assertEquals(LoadClient.OFFICIAL, paddock.client().forRow(RowKind.SESSION_CHURN));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--client", "curator"));
        assertTrue(bad.getMessage().contains("--client"), bad.getMessage());
        assertTrue(bad.getMessage().contains("curator"), bad.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--client"));
        assertTrue(missing.getMessage().contains("client"), missing.getMessage());
    }

    @Test
    void optionsOverrideAndTheModeSetsRepeatsUnlessGiven() {
        BenchOptions full = BenchOptions.parse("--mode", "full", "--sessions", "4",
                "--outstanding", "8", "--heap-mb", "512", "--tick-time", "500", "--out", "x");

        assertEquals(3, full.repeats());
        assertEquals(new ServerSettings(500, 512), full.settings());
        assertEquals(Path.of("x"), full.outputDir());
        assertTrue(full.rows().stream().filter(r -> r.kind() == RowKind.CREATE)
                .allMatch(r -> r.sessions() == 4 && r.outstanding() == 8));
        assertEquals(5, BenchOptions.parse("--mode", "FULL", "--repeats", "5").repeats());
    }

    @Test
    void everyModeMeasuresEachServerRowNamesOnce() {
        for (Mode m : Mode.values()) {
            var names = m.rows(16, 64).stream().map(RowSpec::name).toList();
            assertEquals(names.size(), names.stream().distinct().count(), m.name());
        }
        assertTrue(Mode.FULL.rows(16, 64).stream().map(RowSpec::kind).toList()
                .containsAll(java.util.EnumSet.allOf(RowKind.class)));
    }

    @Test
    void refusesUnknownFlagsMissingValuesAndNonPositiveNumbers() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--bogus", "1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sessions"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sessions", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--mode", "fast"));
    }
}
