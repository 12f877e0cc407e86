package io.paddock.server.net;

/**
 * [ensemble] Whether the server takes client sessions now: a standalone server always; a member
 * of an ensemble while it has a leader, or, in read-only mode, read-only sessions while it has
 * none. Implementations are thread-safe.
 */
public interface ServingState {
    ServingState ALWAYS = new ServingState() {
        @Override
        public boolean serving() {
            return true;
        }

        @Override
        public boolean readOnly() {
            return false;
        }
    };

    /** Whether global sessions are taken (there is a leader). */
    boolean serving();

    /** Whether, with no leader, read-only sessions are taken (ZooKeeper's read-only mode). */
    boolean readOnly();

    /** [ensemble] A client resumed its session here: the leader learns the session's new home. */
    default void resumed(long sessionId) {
    }
}
