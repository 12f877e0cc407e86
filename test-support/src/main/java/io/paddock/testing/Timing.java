package io.paddock.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Every wait in Paddock's tests goes through here, so one factor stretches them all: a loaded
 * machine is given {@code -Dpaddock.timing.factor=3} (or {@code PADDOCK_TIMING_FACTOR=3}) instead
 * of a red build. The factor is read once per JVM; the property wins over the environment; the
 * default is 1.
 *
 * <p>The rule: a {@link Duration} written in a test is <em>nominal</em>, the time it takes on an
 * ordinary machine. It becomes a real bound only when it passes through this class, exactly once:
 * {@code Timing.await(WAIT)}, {@code Timing.latch(done, WAIT)}, {@code Timing.get(f, WAIT)} or,
 * for an API that takes a timeout, {@code lock.acquire(Timing.scaled(WAIT))}. Durations that are
 * not waits (session timeouts, retry delays, a bound the test expects to run out) stay as they are.
 *
 * <p>Thread-safe: the factor is fixed when the class loads.
 */
public final class Timing {
    /** The system property that sets the factor. */
    public static final String FACTOR_PROPERTY = "paddock.timing.factor";
    /** The environment variable that sets the factor when the property is absent. */
    public static final String FACTOR_ENV = "PADDOCK_TIMING_FACTOR";
    /** A wait that names no bound: Awaitility's own default, before scaling. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    /** How long one test (or one lifecycle method) may run before JUnit fails it, before scaling. */
    public static final Duration TEST_TIMEOUT = Duration.ofMinutes(5);

    private static final double FACTOR =
            parseFactor(System.getProperty(FACTOR_PROPERTY), System.getenv(FACTOR_ENV));

    private Timing() {
    }

    /** The factor every wait is multiplied by in this JVM. */
    public static double factor() {
        return FACTOR;
    }

    /** {@code nominal} stretched by the factor. */
    public static Duration scaled(Duration nominal) {
        return scale(nominal, FACTOR);
    }

    /** {@link #DEFAULT_WAIT}, scaled: the bound of a wait that names none. */
    public static Duration waitTime() {
        return scaled(DEFAULT_WAIT);
    }

    /** An Awaitility wait bounded by {@link #waitTime()}. */
    public static ConditionFactory await() {
        return Awaitility.await().atMost(waitTime());
    }

    /** An Awaitility wait bounded by {@code nominalMax}, scaled. */
    public static ConditionFactory await(Duration nominalMax) {
        return Awaitility.await().atMost(scaled(nominalMax));
    }

    /** Waits up to {@link #waitTime()} for {@code latch}; false if it did not open. */
    public static boolean latch(CountDownLatch latch) throws InterruptedException {
        return latch(latch, DEFAULT_WAIT);
    }

    /** Waits up to {@code nominalMax}, scaled, for {@code latch}; false if it did not open. */
    public static boolean latch(CountDownLatch latch, Duration nominalMax) throws InterruptedException {
        return latch.await(scaled(nominalMax).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@link Future#get(long, TimeUnit)} bounded by {@link #waitTime()}. */
    public static <T> T get(Future<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return get(future, DEFAULT_WAIT);
    }

    /** {@link Future#get(long, TimeUnit)} bounded by {@code nominalMax}, scaled. */
    public static <T> T get(Future<T> future, Duration nominalMax)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(scaled(nominalMax).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@link BlockingQueue#poll(long, TimeUnit)} bounded by {@code nominalMax}, scaled; null if empty. */
    public static <T> T poll(BlockingQueue<T> queue, Duration nominalMax) throws InterruptedException {
        return queue.poll(scaled(nominalMax).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits up to {@code nominalMax}, scaled, for {@code process} to end; false if it still runs. */
    public static boolean waitFor(Process process, Duration nominalMax) throws InterruptedException {
        return process.waitFor(scaled(nominalMax).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits up to {@code nominalMax}, scaled, for {@code thread} to end; false if it still runs. */
    public static boolean join(Thread thread, Duration nominalMax) throws InterruptedException {
        thread.join(Math.max(1, scaled(nominalMax).toMillis()));
        return !thread.isAlive();
    }

    /**
     * The factor named by a property value, else by an environment value, else 1.
     *
     * @throws IllegalArgumentException naming the setting if it is not a positive number
     */
    static double parseFactor(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return parse(property, "-D" + FACTOR_PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment, FACTOR_ENV);
        }
        return 1.0;
    }

    /** {@code nominal} times {@code factor}, to the nanosecond, saturating at about 292 years. */
    static Duration scale(Duration nominal, double factor) {
        double nanos = nominal.getSeconds() * 1e9 * factor + nominal.getNano() * factor;
        if (nanos >= Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double parse(String value, String setting) {
        double factor;
        try {
            factor = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + "=" + value + ": not a number", e);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s=%s: the timing factor must be a positive finite number", setting, value));
        }
        return factor;
    }
}
