package io.paddock.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as JSON: options, environment, notes, and per row each server's summary and every
 * repeat. Written by hand to keep the module free of a JSON library. Stateless.
 */
final class JsonReport {

    void write(BenchReport report, Path file) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        BenchOptions o = report.options();
        b.append("  \"command\": ").append(str(o.command())).append(",\n");
        b.append("  \"mode\": ").append(str(o.mode().name().toLowerCase(Locale.ROOT)))
                .append(",\n");
        b.append(String.format(Locale.ROOT, "  \"sessions\": %d,\n  \"outstanding\": %d,\n"
                + "  \"repeats\": %d,\n  \"heapMb\": %d,\n  \"tickTimeMs\": %d,\n", o.sessions(),
                o.outstanding(), o.repeats(), o.settings().heapMb(), o.settings().tickTimeMs()));
        b.append("  \"client\": ").append(str(o.client().option())).append(",\n");
        b.append("  \"hasErrors\": ").append(report.hasErrors()).append(",\n");
        b.append("  \"environment\": ").append(strings(report.environment())).append(",\n");
        b.append("  \"notes\": ").append(strings(report.notes())).append(",\n");
        b.append("  \"rows\": [\n");
        b.append(report.rows().stream().map(JsonReport::row).collect(Collectors.joining(",\n")));
        b.append("\n  ]\n}\n");
        Files.writeString(file, b);
    }

    private static String row(RowResult r) {
        ServerSummary p = r.summary(ServerKind.PADDOCK);
        ServerSummary z = r.summary(ServerKind.ZOOKEEPER);
        return String.format(Locale.ROOT, "    {\"name\": %s, \"kind\": %s, \"sessions\": %d, "
                + "\"outstanding\": %d, \"opsPerRepeat\": %d,\n     \"paddock\": %s,\n"
                + "     \"zookeeper\": %s,\n     \"ratio\": {\"opsPerSec\": %s, "
                + "\"opsPerCpuSec\": %s, \"p50\": %s, \"p99\": %s, \"p999\": %s, \"max\": %s}}",
                str(r.row().name()), str(r.row().kind().name()), r.row().sessions(),
                r.row().outstanding(), r.row().ops(), server(p, r.measurements(
                        ServerKind.PADDOCK)), server(z, r.measurements(ServerKind.ZOOKEEPER)),
                num(Ratio.of(p.opsPerSec(), z.opsPerSec())),
                num(Ratio.of(p.opsPerCpuSec(), z.opsPerCpuSec())),
                num(Ratio.of(p.p50Micros(), z.p50Micros())),
                num(Ratio.of(p.p99Micros(), z.p99Micros())),
                num(Ratio.of(p.p999Micros(), z.p999Micros())),
                num(Ratio.of(p.maxMicros(), z.maxMicros())));
    }

    private static String server(ServerSummary s, List<Measurement> repeats) {
        String each = repeats.stream().map(m -> String.format(Locale.ROOT,
                "{\"opsPerSec\": %s, \"attempted\": %d, \"succeeded\": %d, \"elapsedMs\": %s, "
                        + "\"serverCpuMs\": %s, \"peakRssKb\": %d, \"errors\": %s}",
                num(m.outcome().opsPerSecond()), m.outcome().attempted(), m.outcome().succeeded(),
                num(m.outcome().elapsedNanos() / 1e6), num(m.serverCpuNanos() / 1e6),
                m.peakRssKb(), map(m.outcome().errors())))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "{\"opsPerSec\": %s, \"opsPerSecMin\": %s, "
                + "\"opsPerSecMax\": %s, \"p50Us\": %s, \"p99Us\": %s, \"p999Us\": %s, "
                + "\"maxUs\": %s, \"serverCpuSec\": %s, \"opsPerCpuSec\": %s, "
                + "\"peakRssMb\": %s, \"attempted\": %d, \"errors\": %s, \"repeats\": [%s]}",
                num(s.opsPerSec()), num(s.opsPerSecMin()), num(s.opsPerSecMax()),
                num(s.p50Micros()), num(s.p99Micros()), num(s.p999Micros()), num(s.maxMicros()),
                num(s.serverCpuSec()), num(s.opsPerCpuSec()), num(s.peakRssMb()), s.attempted(),
                map(s.errors()), each);
    }

    private static String map(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> str(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String strings(List<String> list) {
        return list.stream().map(JsonReport::str).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null"
                : String.format(Locale.ROOT, "%.3f", v);
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
