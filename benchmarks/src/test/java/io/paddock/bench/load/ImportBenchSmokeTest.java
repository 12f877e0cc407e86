package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import row in tiny form, through the same child JVMs as the real run. No speed assertion. */
class ImportBenchSmokeTest {

    @Test
    void bothSidesLoadTheDataAndTheReportIsWritten(@TempDir Path out) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long[] r = new ImportBench(2_000, 4, 256, out,
                new PrintStream(text, true, StandardCharsets.UTF_8)).run();

        for (long v : r) {
            assertTrue(v > 0, text.toString(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(out.resolve("import.csv")) > 0);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("Import of 2,000 znodes"));
    }
}
