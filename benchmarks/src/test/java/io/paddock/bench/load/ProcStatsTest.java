package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void readsThisProcesssCpuTimeAndPeakRss() {
        long pid = ProcessHandle.current().pid();
        ProcStats before = ProcStats.read(pid);
        ProcStats after = ProcStats.read(pid);

        assertTrue(before.cpuNanos() > 0, () -> "cpu " + before);
        assertTrue(after.cpuNanos() >= before.cpuNanos(), () -> before + " then " + after);
        // A JVM's resident set is tens of megabytes at least.
        assertTrue(after.peakRssKb() > 10_000, () -> "rss " + after);
    }
}
