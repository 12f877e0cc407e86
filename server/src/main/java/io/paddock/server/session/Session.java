package io.paddock.server.session;

/**
 * One client session: its id, negotiated timeout, and the connection currently carrying it (null
 * while the client is between servers or reconnecting). Its password is not kept here: the
 * {@link SessionTracker} derives it from the id when a client is answered or resumes, so the
 * members that only apply a session's createSession never compute it.
 *
 * <p>Thread-safe: fields that change are volatile; the tracker serialises expiry bookkeeping.
 */
public final class Session {
    private final long id;
    private final int timeoutMs;
    private volatile SessionConnection connection;
    private volatile boolean closing;

    Session(long id, int timeoutMs) {
        this.id = id;
        this.timeoutMs = timeoutMs;
    }

    public long id() {
        return id;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public SessionConnection connection() {
        return connection;
    }

    public void attach(SessionConnection c) {
        connection = c;
    }

    /** Detaches {@code c} if it is still the session's connection. */
    public void detach(SessionConnection c) {
        if (connection == c) {
            connection = null;
        }
    }

    /** True once a close or expiry has been submitted: the session takes no new requests. */
    public boolean isClosing() {
        return closing;
    }

    void markClosing() {
        closing = true;
    }
}
