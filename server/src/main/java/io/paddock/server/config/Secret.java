package io.paddock.server.config;

import java.util.Objects;

/**
 * A password from the configuration. It prints as {@code ******} wherever it ends up (a log
 * line, conf, a record's toString), so only code that calls {@link #reveal()} sees the value.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {
    public static final Secret EMPTY = new Secret("");
    private static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The password itself, for the code that opens a key store or checks a login. */
    public String reveal() {
        return value;
    }

    public char[] toCharArray() {
        return value.toCharArray();
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
