package io.paddock.recipes.locks;

import java.util.List;

/**
 * Decides, from the sorted contenders, whether a lock node holds the lock and, if not, the one
 * node it must wait on. Each lock flavour (mutex, read, write) is one driver.
 *
 * <p>Thread-safe: implementations are stateless or read only thread-safe state.
 */
interface LockDriver {
    /** Whether {@code childName} (a child of the lock path) takes part in this lock. */
    boolean isContender(String childName);

    /**
     * @param sorted the contenders, in sequence order
     * @param ours our node's name, one of {@code sorted}
     */
    Decision decide(List<String> sorted, String ours);

    /**
     * @param acquired true if our node holds the lock
     * @param waitOn the name of the node to watch otherwise (its deletion may make us holder)
     */
    record Decision(boolean acquired, String waitOn) {
        static Decision holds() {
            return new Decision(true, null);
        }

        static Decision waitFor(String node) {
            return new Decision(false, node);
        }
    }
}
