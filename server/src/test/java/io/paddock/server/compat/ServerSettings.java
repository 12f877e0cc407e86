package io.paddock.server.compat;

import io.paddock.server.testing.ZooKeeperReference;

/**
 * The options a compatibility test starts its server with; null means the server's default.
 *
 * @param fourLetterWhitelist comma-separated, as 4lw.commands.whitelist
 */
record ServerSettings(
        int tickTime,
        Integer minSessionTimeout,
        Integer maxSessionTimeout,
        boolean extendedTypesEnabled,
        String superDigest,
        Integer maxClientCnxns,
        String fourLetterWhitelist,
        Long containerCheckIntervalMs,
        Integer juteMaxBuffer) {

    /** The commands the four-letter-word tests may use; "dump" is left out on purpose. */
    static final String FOUR_LETTER_WHITELIST = ZooKeeperReference.DEFAULT_FOUR_LETTER_WORDS;

    /** Short ticks so sessions negotiate up to 4 s and tests stay quick. */
    static ServerSettings defaults() {
        return new ServerSettings(200, null, null, true, null, null, FOUR_LETTER_WHITELIST, null, null);
    }

    ServerSettings withTickTime(int millis) {
        return new ServerSettings(millis, minSessionTimeout, maxSessionTimeout, extendedTypesEnabled,
                superDigest, maxClientCnxns, fourLetterWhitelist, containerCheckIntervalMs, juteMaxBuffer);
    }

    ServerSettings withSessionTimeoutBounds(int min, int max) {
        return new ServerSettings(tickTime, min, max, extendedTypesEnabled,
                superDigest, maxClientCnxns, fourLetterWhitelist, containerCheckIntervalMs, juteMaxBuffer);
    }

    ServerSettings withExtendedTypes(boolean enabled) {
        return new ServerSettings(tickTime, minSessionTimeout, maxSessionTimeout, enabled,
                superDigest, maxClientCnxns, fourLetterWhitelist, containerCheckIntervalMs, juteMaxBuffer);
    }

    ServerSettings withSuperDigest(String digest) {
        return new ServerSettings(tickTime, minSessionTimeout, maxSessionTimeout, extendedTypesEnabled,
                digest, maxClientCnxns, fourLetterWhitelist, containerCheckIntervalMs, juteMaxBuffer);
    }

    ServerSettings withMaxClientCnxns(int max) {
        return new ServerSettings(tickTime, minSessionTimeout, maxSessionTimeout, extendedTypesEnabled,
                superDigest, max, fourLetterWhitelist, containerCheckIntervalMs, juteMaxBuffer);
    }

    ServerSettings withContainerCheckIntervalMs(long millis) {
        return new ServerSettings(tickTime, minSessionTimeout, maxSessionTimeout, extendedTypesEnabled,
                superDigest, maxClientCnxns, fourLetterWhitelist, millis, juteMaxBuffer);
    }

    ServerSettings withJuteMaxBuffer(int bytes) {
        return new ServerSettings(tickTime, minSessionTimeout, maxSessionTimeout, extendedTypesEnabled,
                superDigest, maxClientCnxns, fourLetterWhitelist, containerCheckIntervalMs, bytes);
    }
}
