package io.paddock.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fuzz input through a parser on a worker thread, so that a parser that hangs fails
 * the try after a (scaled) time limit instead of hanging the build, and measures the bytes that
 * parser allocated, so that a length prefix of 2^31 that makes it allocate 2 GB fails the try
 * even on a heap large enough to survive it.
 *
 * <p>It also counts the inputs tried, which {@link #report} logs: the fuzz profile's proof of how
 * much was fuzzed. The number of tries per property is {@code -Dpaddock.fuzz.tries} (Maven sets
 * it for jqwik as {@code jqwik.tries.default}; see the root pom and {@code -Pfuzz}).
 *
 * <p>Thread-safe for one property at a time: {@link #run} is called from jqwik's thread.
 */
public final class FuzzWorker implements AutoCloseable {
    /** The system property with the tries per property; 1000 by default. */
    public static final String TRIES_PROPERTY = "paddock.fuzz.tries";
    /** How long one input may take before the parser counts as hung, before scaling. */
    public static final Duration PER_TRY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(FuzzWorker.class);

    private ExecutorService executor = newExecutor();
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String property = "?";

    /**
     * What one input did.
     *
     * @param thrown what the parser threw, or null if it returned
     * @param allocatedBytes bytes the parser's thread allocated while parsing
     */
    public record Outcome(Object value, Throwable thrown, long allocatedBytes) {
    }

    /** The tries per property this run was asked for. */
    public static int tries() {
        return Integer.getInteger(TRIES_PROPERTY, 1000);
    }

    /**
     * Parses one input on the worker thread.
     *
     * @param property what is fuzzed, for {@link #report}
     * @throws AssertionError if the parse takes longer than {@link #PER_TRY}, scaled
     */
    public Outcome run(String property, Callable<?> parse) {
        this.property = property;
        tried.incrementAndGet();
        Future<Outcome> f = executor.submit(() -> measure(parse));
        try {
            Outcome o = f.get(Timing.scaled(PER_TRY).toNanos(), TimeUnit.NANOSECONDS);
            (o.thrown() == null ? accepted : rejected).incrementAndGet();
            return o;
        } catch (TimeoutException e) {
            f.cancel(true);
            // The stuck thread is abandoned (a daemon); later tries get a fresh one.
            executor.shutdownNow();
            executor = newExecutor();
            throw new AssertionError("the parser did not finish within " + Timing.scaled(PER_TRY));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the worker failed", e.getCause());
        }
    }

    /** Logs how many inputs the property tried and how many parsed or were refused. */
    public void report() {
        if (tried.get() == 0) {
            return;
        }
        LOG.info("fuzz {}: {} inputs tried ({} parsed, {} refused)", property, tried.get(),
                accepted.get(), rejected.get());
        resetCounts();
    }

    /** Forgets the counts so far, as after a warm-up. */
    public void resetCounts() {
        tried.set(0);
        accepted.set(0);
        rejected.set(0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Outcome measure(Callable<?> parse) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Object value = null;
        Throwable thrown = null;
        try {
            value = parse.call();
        } catch (Throwable t) {
            thrown = t;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new Outcome(value, thrown, allocated);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
