package io.paddock.zab.runtime;

import io.paddock.zab.PeerConfig;
import java.time.Duration;

/**
 * How a {@link ZabRuntime} drives its core.
 *
 * @param peer the core's configuration; its limits count ticks of {@code tickInterval}
 * @param tickInterval how often the core is ticked (for example tickTime / 10)
 */
public record RuntimeConfig(PeerConfig peer, Duration tickInterval) {

    public RuntimeConfig {
        if (peer == null) {
            throw new IllegalArgumentException("peer config missing");
        }
        if (tickInterval == null || tickInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tickInterval must be at least 1 ms, got "
                    + tickInterval);
        }
    }
}
