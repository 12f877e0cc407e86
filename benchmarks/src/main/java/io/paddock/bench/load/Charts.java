package io.paddock.bench.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of a report, drawn with JFreeChart: throughput bars and ops per server CPU-second
 * bars (log scale, since reads and session churn differ by orders of magnitude), and one latency
 * percentile curve per row. Needs a headless AWT; the caller sets it before AWT loads.
 * Stateless.
 */
final class Charts {
    private static final Color PADDOCK = new Color(0x1f, 0x77, 0xb4);
    private static final Color ZOOKEEPER = new Color(0xff, 0x7f, 0x0e);
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 600;

    /** Writes every chart into dir and returns the files written. */
    List<Path> write(BenchReport report, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(bars(report, dir.resolve("throughput.png"), "Throughput (median of repeats)",
                "answered requests per second (log scale)", ServerSummary::opsPerSec));
        files.add(bars(report, dir.resolve("ops-per-cpu-second.png"),
                "Requests per second of server CPU time (median of repeats)",
                "answered requests per server CPU second (log scale)",
                ServerSummary::opsPerCpuSec));
        for (RowResult r : report.rows()) {
            files.add(latency(r, dir.resolve("latency-" + slug(r.row().name()) + ".png")));
        }
        return files;
    }

    private Path bars(BenchReport report, Path file, String title, String axis,
            ToDoubleFunction<ServerSummary> value) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RowResult r : report.rows()) {
            for (ServerKind k : ServerKind.values()) {
                data.addValue(Math.max(1, value.applyAsDouble(r.summary(k))), k.label(),
                        r.row().name() + " " + r.row().shape());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxis(decades(axis, new DecimalFormat("#,##0"), 1));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBase(1);
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, PADDOCK);
        bars.setSeriesPaint(1, ZOOKEEPER);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    private Path latency(RowResult r, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ServerKind k : ServerKind.values()) {
            data.addSeries(curve(k.label(), r.summary(k).latencies()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency by percentile: "
                + r.row().name() + " " + r.row().shape() + " (all repeats)", "percentile",
                "latency, microseconds (log scale)", data);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(decades("percentile", new PercentileFormat(), 1));
        plot.setRangeAxis(decades("latency, microseconds (log scale)",
                new DecimalFormat("#,##0.#"), 0.1));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, PADDOCK);
        lines.setSeriesPaint(1, ZOOKEEPER);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        plot.setRenderer(lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        style(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    /** A log axis ticked once per decade, so labels are round numbers (or round percentiles). */
    private static LogAxis decades(String label, NumberFormat format, double smallest) {
        LogAxis axis = new LogAxis(label);
        axis.setNumberFormatOverride(format);
        axis.setSmallestValue(smallest);
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Percentile p is plotted at 1/(1-p), so 90%, 99%, 99.9% are evenly spaced on a log axis. */
    private static XYSeries curve(String name, Histogram h) {
        XYSeries s = new XYSeries(name);
        if (h.getTotalCount() == 0) {
            return s;
        }
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100;
            if (p >= 1) {
                break;
            }
            s.add(1 / (1 - p), Math.max(0.1, v.getValueIteratedTo() / 1e3));
        }
        double top = 1 - 1.0 / (2 * h.getTotalCount());
        s.add(1 / (1 - top), h.getMaxValue() / 1e3);
        return s;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    /** Labels an axis value v = 1/(1-p) as the percentile p. */
    private static final class PercentileFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double p = 100 * (1 - 1 / v);
            String s = p < 1e-9 ? "0%" : new DecimalFormat("0.#####").format(p) + "%";
            return to.append(s);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
