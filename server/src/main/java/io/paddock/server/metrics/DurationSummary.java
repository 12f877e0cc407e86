package io.paddock.server.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations of one kind of operation, kept twice: as a Dropwizard {@link Timer} (recent
 * percentiles and rates, over JMX) and as the all-time count, sum, min and max that ZooKeeper's
 * mntr prints for a summary ({@code zk_avg_<name>}, {@code zk_min_<name>}, {@code zk_max_<name>},
 * {@code zk_cnt_<name>}, {@code zk_sum_<name>}, in milliseconds).
 *
 * <p>Thread-safe; {@link #record} is lock-free apart from the timer's reservoir.
 */
public final class DurationSummary {
    private final Timer timer;
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final LongAccumulator minNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    /** Registers the timer as {@code name} in the registry. */
    public DurationSummary(MetricRegistry registry, String name) {
        this.timer = registry.timer(name);
    }

    public void record(long nanos) {
        timer.update(nanos, TimeUnit.NANOSECONDS);
        count.increment();
        totalNanos.add(nanos);
        minNanos.accumulate(nanos);
        maxNanos.accumulate(nanos);
    }

    public long count() {
        return count.sum();
    }

    /** Milliseconds, to four decimals as ZooKeeper prints an average. */
    public double avgMs() {
        long n = count.sum();
        return n == 0 ? 0 : Math.round(totalNanos.sum() / (double) n / 100.0) / 10_000.0;
    }

    public long minMs() {
        return count.sum() == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(minNanos.get());
    }

    public long maxMs() {
        return TimeUnit.NANOSECONDS.toMillis(maxNanos.get());
    }

    /** [ops] The median of recent durations (the timer's decaying sample), in milliseconds. */
    public double recentMedianMs() {
        return timer.getSnapshot().getMedian() / 1_000_000.0;
    }

    public long sumMs() {
        return TimeUnit.NANOSECONDS.toMillis(totalNanos.sum());
    }
}
