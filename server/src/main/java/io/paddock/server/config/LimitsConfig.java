package io.paddock.server.config;

/**
 * Bounds that keep one client, however broken or hostile, from taking the server or other
 * sessions down. 0 means no bound beyond the built-in ones.
 *
 * @param globalOutstandingLimit requests accepted but not yet answered, server-wide; above it
 *     connections stop being read (never dropped) until the backlog halves (ZooKeeper's key)
 * @param maxSessions live sessions; a handshake for a new one beyond it is refused (Paddock's)
 * @param maxWatchesPerSession watches one connection may hold; a read that would set one more
 *     answers QUOTAEXCEEDED and sets none (Paddock's)
 * @param maxPendingBytes reply bytes queued for one connection that its client has not read;
 *     beyond it the connection is closed (Paddock's)
 */
public record LimitsConfig(int globalOutstandingLimit, int maxSessions, int maxWatchesPerSession,
        long maxPendingBytes) {
    /** The defaults: 32 MiB of unread replies per connection, nothing else beyond the rings. */
    public static final LimitsConfig DEFAULTS = new LimitsConfig(0, 0, 0, 32L << 20);

    public LimitsConfig {
        if (globalOutstandingLimit < 0 || maxSessions < 0 || maxWatchesPerSession < 0
                || maxPendingBytes < 0) {
            throw new ConfigException("globalOutstandingLimit, maxSessions, maxWatchesPerSession and"
                    + " connection.maxPendingBytes must not be negative");
        }
    }

    public LimitsConfig withGlobalOutstandingLimit(int v) {
        return new LimitsConfig(v, maxSessions, maxWatchesPerSession, maxPendingBytes);
    }

    public LimitsConfig withMaxSessions(int v) {
        return new LimitsConfig(globalOutstandingLimit, v, maxWatchesPerSession, maxPendingBytes);
    }

    public LimitsConfig withMaxWatchesPerSession(int v) {
        return new LimitsConfig(globalOutstandingLimit, maxSessions, v, maxPendingBytes);
    }

    public LimitsConfig withMaxPendingBytes(long v) {
        return new LimitsConfig(globalOutstandingLimit, maxSessions, maxWatchesPerSession, v);
    }
}
