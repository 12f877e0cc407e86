package io.paddock.client.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The servers to try, shuffled once so clients spread over the ensemble, then cycled. After a
 * whole pass without a session the pause before the next pass doubles (10 ms up to 1 s, with
 * jitter); a session resets it.
 *
 * <p>Confined to the I/O thread.
 */
final class HostList {
    private static final long FIRST_PAUSE_MS = 10;
    private static final long MAX_PAUSE_MS = 1000;

    private final List<InetSocketAddress> hosts;
    private final RandomGenerator random;
    private int next;
    private int failuresInARow;

    HostList(List<InetSocketAddress> hosts, RandomGenerator random) {
        List<InetSocketAddress> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
        this.hosts = List.copyOf(shuffled);
        this.random = random;
    }

    InetSocketAddress next() {
        InetSocketAddress host = hosts.get(next);
        next = (next + 1) % hosts.size();
        return host;
    }

    int size() {
        return hosts.size();
    }

    /** Records a failed attempt and returns the pause before the next one. */
    long failedPauseMillis() {
        failuresInARow++;
        if (failuresInARow % hosts.size() != 0) {
            return 0;
        }
        int passes = Math.min(failuresInARow / hosts.size(), 10);
        long pause = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << (passes - 1));
        return pause / 2 + random.nextLong(pause / 2 + 1);
    }

    void connected() {
        failuresInARow = 0;
    }
}
