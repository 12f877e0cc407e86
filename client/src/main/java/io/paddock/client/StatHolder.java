package io.paddock.client;

import io.paddock.protocol.Stat;

/**
 * Receives the {@link Stat} of a read ({@code storingStatIn(holder)}): the protocol's Stat is an
 * immutable record, so this is the mutable slot Curator's API fills in. Filled before the
 * operation's result is returned or its future completes; thread-safe (volatile).
 */
public final class StatHolder {
    private volatile Stat stat;

    public Stat get() {
        return stat;
    }

    public void set(Stat value) {
        this.stat = value;
    }
}
