package io.paddock.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak resident set of a Linux process, read from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}.
 *
 * @param cpuNanos user plus system CPU time so far
 * @param peakRssKb the high-water mark of the resident set (VmHWM) since start or the last reset
 */
public record ProcStats(long cpuNanos, long peakRssKb) {

    /** USER_HZ, the unit of utime and stime; 100 on every Linux architecture Java runs on. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    /** Reads the figures of a live process. */
    public static ProcStats read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses; fields resume after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new ProcStats(ticks * NANOS_PER_TICK, peakRss(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc for pid " + pid, e);
        }
    }

    /**
     * Resets VmHWM to the current RSS so the next reading is the peak of one row; best effort,
     * since some kernels or containers refuse the write.
     */
    public static void resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException | SecurityException e) {
            // The reading then covers the process's whole life, which is still a true peak.
        }
    }

    private static long peakRss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
