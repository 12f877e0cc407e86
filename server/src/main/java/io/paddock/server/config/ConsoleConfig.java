package io.paddock.server.config;

/**
 * The web console on the admin HTTP port. Immutable.
 *
 * @param enabled serve the console under {@code /console/} whenever the admin server runs
 *     (zoo.cfg {@code paddock.console.enabled}, default true)
 * @param writesEnabled let the console create, set and delete znodes, each write
 *     authenticated with digest credentials and checked against the node's ACL (zoo.cfg
 *     {@code paddock.console.writesEnabled}, default false: the console is read-only)
 */
public record ConsoleConfig(boolean enabled, boolean writesEnabled) {

    /** Served and read-only. */
    public static ConsoleConfig readOnly() {
        return new ConsoleConfig(true, false);
    }

    public ConsoleConfig withEnabled(boolean v) {
        return new ConsoleConfig(v, writesEnabled);
    }

    public ConsoleConfig withWritesEnabled(boolean v) {
        return new ConsoleConfig(enabled, v);
    }
}
