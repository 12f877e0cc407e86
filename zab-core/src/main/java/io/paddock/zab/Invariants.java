package io.paddock.zab;

/**
 * Always-on invariant checks for the ZAB core.
 *
 * <p>Java's {@code assert} is off unless the JVM runs with {@code -ea}; a broken protocol invariant
 * must stop the peer in production too, before it acknowledges or commits something wrong. The
 * core keeps its own copy rather than storage's because its pure packages may not import storage.
 *
 * <p>Thread-safe: stateless.
 */
public final class Invariants {

    private Invariants() {
    }

    /**
     * Fails when {@code condition} is false.
     *
     * @throws IllegalStateException if {@code condition} is false
     */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Invariant violated: " + message);
        }
    }

    /**
     * Fails when {@code condition} is false, naming two zxids. For checks on the write path: the
     * message is built only on failure, where a concatenated one costs two hex strings per txn.
     *
     * @param template a message with two {@code %s}, filled with the zxids in hex
     * @throws IllegalStateException if {@code condition} is false
     */
    public static void check(boolean condition, String template, long firstZxid,
            long secondZxid) {
        if (!condition) {
            throw new IllegalStateException("Invariant violated: " + String.format(template,
                    Zxids.toHexString(firstZxid), Zxids.toHexString(secondZxid)));
        }
    }
}
