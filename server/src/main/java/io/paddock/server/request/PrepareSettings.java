package io.paddock.server.request;

/**
 * Knobs of the preparer. {@code extendedTypesEnabled} is ZooKeeper's
 * zookeeper.extendedTypesEnabled: without it TTL creates answer Unimplemented.
 * {@code reconfigEnabled} as reconfigEnabled; when false a reconfig answers ReconfigDisabled.
 */
public record PrepareSettings(boolean extendedTypesEnabled, boolean reconfigEnabled) {
    public static final PrepareSettings DEFAULTS = new PrepareSettings(false, false);

    public PrepareSettings(boolean extendedTypesEnabled) {
        this(extendedTypesEnabled, false);
    }
}
