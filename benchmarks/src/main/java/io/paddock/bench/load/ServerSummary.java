package io.paddock.bench.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * One server's figures for one row over its repeats: medians, with the throughput spread.
 * Latencies are in microseconds.
 *
 * @param repeats measured repeats
 * @param opsPerSec median answered requests per second
 * @param opsPerSecMin slowest repeat
 * @param opsPerSecMax fastest repeat
 * @param p50Micros median of the repeats' p50
 * @param p99Micros median of the repeats' p99
 * @param p999Micros median of the repeats' p99.9
 * @param maxMicros median of the repeats' max
 * @param serverCpuSec median server CPU seconds per repeat
 * @param opsPerCpuSec median answered requests per server CPU second
 * @param peakRssMb the highest peak RSS of any repeat
 * @param attempted requests issued over all repeats
 * @param errors failures by name over all repeats
 * @param latencies every repeat's latencies merged, in nanoseconds, for the percentile charts
 */
public record ServerSummary(int repeats, double opsPerSec, double opsPerSecMin,
        double opsPerSecMax, double p50Micros, double p99Micros, double p999Micros,
        double maxMicros, double serverCpuSec, double opsPerCpuSec, double peakRssMb,
        long attempted, Map<String, Long> errors, Histogram latencies) {

    /** Summarises the repeats of one row against one server. */
    public static ServerSummary of(List<Measurement> ms) {
        Histogram merged = new Histogram(3);
        Map<String, Long> errors = new TreeMap<>();
        long attempted = 0;
        for (Measurement m : ms) {
            merged.add(m.outcome().latencyNanos());
            m.outcome().errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            attempted += m.outcome().attempted();
        }
        return new ServerSummary(ms.size(),
                median(ms, m -> m.outcome().opsPerSecond()),
                ms.stream().mapToDouble(m -> m.outcome().opsPerSecond()).min().orElse(0),
                ms.stream().mapToDouble(m -> m.outcome().opsPerSecond()).max().orElse(0),
                median(ms, m -> percentileMicros(m, 50)),
                median(ms, m -> percentileMicros(m, 99)),
                median(ms, m -> percentileMicros(m, 99.9)),
                median(ms, m -> m.outcome().latencyNanos().getMaxValue() / 1e3),
                median(ms, m -> m.serverCpuNanos() / 1e9),
                median(ms, Measurement::opsPerCpuSecond),
                ms.stream().mapToDouble(m -> m.peakRssKb() / 1024.0).max().orElse(0),
                attempted, errors, merged);
    }

    private static double percentileMicros(Measurement m, double p) {
        Histogram h = m.outcome().latencyNanos();
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1e3;
    }

    /** The median; the mean of the middle two for an even count. */
    static double median(List<Measurement> ms, ToDoubleFunction<Measurement> f) {
        double[] v = ms.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** Total failures over all repeats. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests answered without error over all repeats. */
    public long succeeded() {
        return attempted - errorCount();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.0f ops/s [%.0f-%.0f] p50=%.0fus "
                + "p99=%.0fus errors=%s", opsPerSec, opsPerSecMin, opsPerSecMax, p50Micros,
                p99Micros, errors);
    }
}
