package io.paddock.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A two-column comparison with A/B ratios (the restart and client rows): printed as a table,
 * written as CSV and as JSON lines (one object per line). Built on one thread, then read.
 *
 * @param title the table's heading
 * @param labelA the first column (the ratio's numerator), e.g. "Paddock"
 * @param labelB the second column (the denominator), e.g. "ZooKeeper"
 * @param lines the measured lines, in order
 * @param notes what must be printed beside the figures
 */
record Comparison(String title, String labelA, String labelB, List<Line> lines,
        List<String> notes) {

    /**
     * One measured quantity.
     *
     * @param metric what was measured, with its unit
     * @param a the first column's value
     * @param b the second column's value
     * @param target the target for a/b, or "" when there is none
     */
    record Line(String metric, double a, double b, String target) {
        double ratio() {
            return Ratio.of(a, b);
        }
    }

    Comparison(String title, String labelA, String labelB) {
        this(title, labelA, labelB, new ArrayList<>(), new ArrayList<>());
    }

    Comparison add(String metric, double a, double b, String target) {
        lines.add(new Line(metric, a, b, target));
        return this;
    }

    void print(PrintStream out) {
        int w = Math.max(30, lines.stream().mapToInt(l -> l.metric().length()).max().orElse(0));
        String fmt = "%-" + w + "s  %14s  %14s  %9s  %s%n";
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, fmt, "", labelA, labelB, labelA.split(" ")[0] + "/"
                + labelB.split(" ")[0], "target");
        for (Line l : lines) {
            out.printf(Locale.ROOT, fmt, l.metric(), number(l.a()), number(l.b()),
                    Ratio.format(l.ratio()), l.target());
        }
        notes.forEach(n -> out.println("  * " + n));
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder("metric,").append(csv(labelA)).append(',')
                .append(csv(labelB)).append(",ratio,target\n");
        for (Line l : lines) {
            b.append(csv(l.metric())).append(',').append(plain(l.a())).append(',')
                    .append(plain(l.b())).append(',').append(plain(l.ratio())).append(',')
                    .append(csv(l.target())).append('\n');
        }
        Files.writeString(file, b);
    }

    void writeJsonLines(Path file) throws IOException {
        Files.writeString(file, jsonLines().stream().collect(Collectors.joining("\n", "", "\n")));
    }

    List<String> jsonLines() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(String.format(Locale.ROOT, "{\"table\": %s, \"metric\": %s, %s: %s, %s: %s, "
                    + "\"ratio\": %s, \"target\": %s}", json(title), json(l.metric()),
                    json(labelA), plainOrNull(l.a()), json(labelB), plainOrNull(l.b()),
                    plainOrNull(l.ratio()), json(l.target())));
        }
        return out;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String plainOrNull(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
