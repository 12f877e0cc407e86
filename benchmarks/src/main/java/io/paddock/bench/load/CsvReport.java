package io.paddock.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as CSV: one line per row, the client that drove it, both servers' medians and the
 * ratios. Stateless.
 */
final class CsvReport {
    private static final String[] SERVER_COLUMNS = {"ops_per_sec", "ops_per_sec_min",
        "ops_per_sec_max", "p50_us", "p99_us", "p999_us", "max_us", "server_cpu_s",
        "ops_per_cpu_s", "peak_rss_mb", "attempted", "errors"};

    void write(BenchReport report, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("row", "kind", "sessions", "outstanding",
                "ops_per_repeat", "repeats", "client"));
        for (ServerKind k : ServerKind.values()) {
            for (String c : SERVER_COLUMNS) {
                head.add(k.name().toLowerCase(Locale.ROOT) + "_" + c);
            }
        }
        head.addAll(List.of("ratio_ops_per_sec", "ratio_ops_per_cpu_s", "ratio_p50",
                "ratio_p99", "ratio_p999", "ratio_max"));
        lines.add(String.join(",", head));
        for (RowResult r : report.rows()) {
            lines.add(line(r, report.options()));
        }
        Files.write(file, lines);
    }

    private static String line(RowResult r, BenchOptions options) {
        List<String> cells = new ArrayList<>(List.of("\"" + r.row().name() + "\"",
                r.row().kind().name(), Integer.toString(r.row().sessions()),
                Integer.toString(r.row().outstanding()), Long.toString(r.row().ops()),
                Integer.toString(options.repeats()),
                options.client().forRow(r.row().kind()).option()));
        ServerSummary p = r.summary(ServerKind.PADDOCK);
        ServerSummary z = r.summary(ServerKind.ZOOKEEPER);
        for (ServerSummary s : List.of(p, z)) {
            for (double v : new double[] {s.opsPerSec(), s.opsPerSecMin(), s.opsPerSecMax(),
                s.p50Micros(), s.p99Micros(), s.p999Micros(), s.maxMicros(), s.serverCpuSec(),
                s.opsPerCpuSec(), s.peakRssMb()}) {
                cells.add(num(v));
            }
            cells.add(Long.toString(s.attempted()));
            cells.add(Long.toString(s.errorCount()));
        }
        for (double v : new double[] {Ratio.of(p.opsPerSec(), z.opsPerSec()),
            Ratio.of(p.opsPerCpuSec(), z.opsPerCpuSec()), Ratio.of(p.p50Micros(), z.p50Micros()),
            Ratio.of(p.p99Micros(), z.p99Micros()), Ratio.of(p.p999Micros(), z.p999Micros()),
            Ratio.of(p.maxMicros(), z.maxMicros())}) {
            cells.add(num(v));
        }
        return String.join(",", cells);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
