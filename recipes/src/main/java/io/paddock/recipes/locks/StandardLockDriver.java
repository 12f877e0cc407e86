package io.paddock.recipes.locks;

import java.util.List;

/**
 * The mutex rule: the first contender holds the lock, and every other one waits on the contender
 * just before it, so a release wakes exactly one waiter (no herd effect).
 *
 * <p>Thread-safe: immutable.
 */
final class StandardLockDriver implements LockDriver {
    private final String marker;

    /** @param marker the part of a node name that marks it a contender, e.g. {@code "lock-"} */
    StandardLockDriver(String marker) {
        this.marker = marker;
    }

    @Override
    public boolean isContender(String childName) {
        return LockInternals.hasMarker(childName, marker);
    }

    @Override
    public Decision decide(List<String> sorted, String ours) {
        int index = sorted.indexOf(ours);
        return index == 0 ? Decision.holds() : Decision.waitFor(sorted.get(index - 1));
    }
}
