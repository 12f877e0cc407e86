package io.paddock.client;

/**
 * What the application may assume about its session, as Curator names it.
 *
 * <p>Transitions: {@code CONNECTED} (or {@code READ_ONLY}) once; then {@code SUSPENDED} when the
 * connection drops, followed by {@code RECONNECTED} (or {@code READ_ONLY}) when a server takes the
 * session back, or {@code LOST} when the session expired (the server said so, or the client was
 * cut off for longer than the negotiated session timeout). After {@code LOST} the client opens a
 * new session and reports {@code RECONNECTED}.
 */
public enum ConnectionState {
    /** The first session is established. */
    CONNECTED,
    /** The connection dropped; the session may still be alive, ephemerals and locks are in doubt. */
    SUSPENDED,
    /** Connected again, to the same session or, after {@link #LOST}, to a new one. */
    RECONNECTED,
    /** The session expired: its ephemeral nodes and watches are gone. */
    LOST,
    /** Connected to a server that can only serve reads (it lost its quorum). */
    READ_ONLY;

    /** True for the states in which requests can be served. */
    public boolean isConnected() {
        return this == CONNECTED || this == RECONNECTED || this == READ_ONLY;
    }
}
