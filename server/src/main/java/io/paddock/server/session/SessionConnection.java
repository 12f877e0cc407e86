package io.paddock.server.session;

/** What the session layer needs of a client connection: a way to drop it. */
public interface SessionConnection {
    /** Closes the connection, logging {@code reason}. Safe from any thread. */
    void close(String reason);
}
