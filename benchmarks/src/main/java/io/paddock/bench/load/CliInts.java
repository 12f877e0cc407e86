package io.paddock.bench.load;

/** Command-line integer parsing shared by the benchmark mains. Stateless. */
final class CliInts {
    private CliInts() {
    }

    /** The value as a positive int, or IllegalArgumentException naming the flag. */
    static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(flag + " expects a positive integer, got '" + v + "'");
    }
}
