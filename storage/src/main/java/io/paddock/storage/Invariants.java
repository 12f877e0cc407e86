package io.paddock.storage;

/**
 * Always-on invariant checks for storage code.
 *
 * <p>Java's {@code assert} is off unless the JVM runs with {@code -ea}, so a broken invariant would
 * pass silently in production and corrupt data on disk later; these checks always run.
 *
 * <p>Thread-safe: stateless.
 */
public final class Invariants {

    private Invariants() {
    }

    /**
     * Fails when {@code condition} is false.
     *
     * @param condition what must hold
     * @param message what was expected, for the exception
     * @throws IllegalStateException if {@code condition} is false
     */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Invariant violated: " + message);
        }
    }
}
