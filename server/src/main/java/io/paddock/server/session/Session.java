package io.paddock.server.session;

/**
 * One client session: its id, negotiated timeout and password, and the connection currently
 * carrying it (null while the client is between servers or reconnecting).
 *
 * <p>Thread-safe: fields that change are volatile; the tracker serialises expiry bookkeeping.
 */
public final class Session {
    private final long id;
    private final int timeoutMs;
    private volatile byte[] password;
    private volatile SessionConnection connection;
    private volatile boolean closing;

    Session(long id, int timeoutMs, byte[] password) {
        this.id = id;
        this.timeoutMs = timeoutMs;
        this.password = password;
    }

    public long id() {
        return id;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public byte[] password() {
        return password.clone();
    }

    /** The ensemble adopted its leader's password scheme: the same id, another password. */
    void password(byte[] newPassword) {
        password = newPassword.clone();
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
