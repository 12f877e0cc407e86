package io.paddock.testing;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the suite-wide defaults, scaled by {@link Timing#factor()}, before JUnit discovers any test:
 * Awaitility's default bound (for a wait that slipped past {@link Timing}) and JUnit Jupiter's
 * default per-test timeout ({@link Timing#TEST_TIMEOUT}), so a hang fails the test instead of
 * stalling the build. The timeout runs each test in a separate thread, so even a wait that
 * ignores interrupts (a socket read, {@code CompletableFuture.join()}) is cut off.
 *
 * <p>Registered through {@code META-INF/services}, so every module that has this kit on its test
 * classpath gets it, in Maven and in an IDE alike. A value already set as a system property
 * ({@code -Djunit.jupiter.execution.timeout.default=10m}) is left alone; an entry in a
 * {@code junit-platform.properties} would not be, as JUnit ranks system properties above it.
 *
 * <p>Thread-safety: JUnit calls it on the launching thread; the settings it writes are JVM-wide.
 */
public final class ScaledSuiteDefaults implements LauncherSessionListener {
    /** JUnit Jupiter's key for the default timeout of every testable and lifecycle method. */
    public static final String TIMEOUT_KEY = "junit.jupiter.execution.timeout.default";
    /** JUnit Jupiter's key for how timed methods run. */
    public static final String THREAD_MODE_KEY = "junit.jupiter.execution.timeout.thread.mode.default";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultTimeout(Timing.waitTime());
        // System properties rank above junit-platform.properties, below explicit parameters.
        if (System.getProperty(TIMEOUT_KEY) == null) {
            long millis = Math.max(1, Timing.scaled(Timing.TEST_TIMEOUT).toMillis());
            System.setProperty(TIMEOUT_KEY, millis + " ms");
        }
        if (System.getProperty(THREAD_MODE_KEY) == null) {
            System.setProperty(THREAD_MODE_KEY, "SEPARATE_THREAD");
        }
    }
}
