package io.paddock.zab.runtime;

import io.paddock.zab.RoleChange;

/**
 * Told every role change of the local peer: its role, phase, epoch and leader. A LEADING peer in
 * BROADCAST serves: proposals may go to {@link ZabRuntime#propose} with zxids from
 * {@link ZabRuntime#zxids()}, which the runtime has already moved to the change's epoch.
 *
 * <p>Called on the runtime's driver thread: return quickly, never block.
 */
@FunctionalInterface
public interface RoleListener {
    void roleChanged(RoleChange change);
}
