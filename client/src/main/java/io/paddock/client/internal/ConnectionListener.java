package io.paddock.client.internal;

import io.paddock.client.ConnectionState;

/** What the connection tells the rest of the client. Called on the I/O thread; must not block. */
interface ConnectionListener {
    void stateChanged(ConnectionState state);

    /** A watch notification for a server path. */
    void watchEvent(int eventType, String serverPath);

    /** The session expired: every watch is gone. */
    void sessionExpired();
}
