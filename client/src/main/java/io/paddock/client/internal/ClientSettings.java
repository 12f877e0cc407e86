package io.paddock.client.internal;

import io.paddock.client.ConnectString;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How to reach the ensemble and what session to ask for. Immutable.
 *
 * @param connectionTimeoutMs how long a request waits for a connection before it fails with
 *     connection loss; also bounds each connection attempt
 */
public record ClientSettings(
        ConnectString connectString,
        int sessionTimeoutMs,
        int connectionTimeoutMs,
        boolean canBeReadOnly,
        List<AuthInfo> auths,
        int maxFrameBytes,
        RandomGenerator random) {

    public ClientSettings {
        auths = List.copyOf(auths);
    }
}
