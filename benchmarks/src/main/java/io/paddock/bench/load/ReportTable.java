package io.paddock.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The side-by-side text tables printed on stdout: throughput with spread, server cost, and
 * latency percentiles, each with the Paddock/ZooKeeper ratio. Stateless.
 */
final class ReportTable {
    private static final ServerKind P = ServerKind.PADDOCK;
    private static final ServerKind Z = ServerKind.ZOOKEEPER;

    void print(BenchReport report, PrintStream out) {
        out.println();
        out.println("Paddock vs Apache ZooKeeper, side by side (" + report.options().command()
                + ")");
        report.environment().forEach(l -> out.println("  " + l));
        out.println();
        throughput(report, out);
        out.println();
        latency(report, out);
        out.println();
        out.println("Notes:");
        report.notes().forEach(n -> out.println("  * " + n));
    }

    private void throughput(BenchReport report, PrintStream out) {
        out.println("Throughput (ops/s, median [min-max]; ratio > 1 means Paddock does more)");
        String head = "%-14s %-6s %-26s %-26s %-7s %-11s %-11s %-7s %-9s %-9s %s%n";
        out.printf(Locale.ROOT, head, "row", "shape", "Paddock", "ZooKeeper", "P/Z",
                "P ops/cpu-s", "Z ops/cpu-s", "P/Z", "P rss MB", "Z rss MB", "errors P/Z");
        for (RowResult r : report.rows()) {
            ServerSummary p = r.summary(P);
            ServerSummary z = r.summary(Z);
            out.printf(Locale.ROOT, "%-14s %-6s %-26s %-26s %-7s %-11.0f %-11.0f %-7s %-9.0f "
                    + "%-9.0f %d/%d%n", r.row().name(), r.row().shape(), spread(p), spread(z),
                    Ratio.format(Ratio.of(p.opsPerSec(), z.opsPerSec())), p.opsPerCpuSec(),
                    z.opsPerCpuSec(), Ratio.format(Ratio.of(p.opsPerCpuSec(), z.opsPerCpuSec())),
                    p.peakRssMb(), z.peakRssMb(), p.errorCount(), z.errorCount());
        }
    }

    private void latency(BenchReport report, PrintStream out) {
        out.println("Latency (microseconds, median of repeats, Paddock / ZooKeeper and ratio; "
                + "ratio < 1 means Paddock is faster)");
        String head = "%-14s %-24s %-24s %-24s %-24s%n";
        out.printf(Locale.ROOT, head, "row", "p50", "p99", "p99.9", "max");
        for (RowResult r : report.rows()) {
            ServerSummary p = r.summary(P);
            ServerSummary z = r.summary(Z);
            out.printf(Locale.ROOT, head, r.row().name(),
                    pair(p.p50Micros(), z.p50Micros()), pair(p.p99Micros(), z.p99Micros()),
                    pair(p.p999Micros(), z.p999Micros()), pair(p.maxMicros(), z.maxMicros()));
        }
    }

    private static String spread(ServerSummary s) {
        return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", s.opsPerSec(), s.opsPerSecMin(),
                s.opsPerSecMax());
    }

    private static String pair(double p, double z) {
        return String.format(Locale.ROOT, "%.0f / %.0f %s", p, z, Ratio.format(Ratio.of(p, z)));
    }
}
