package io.paddock.client;

/**
 * Follows the session's {@link ConnectionState}. Called on the client's single event thread, in
 * the order the changes happened, never on a network thread; a slow listener delays every later
 * event, watcher and async callback of the same client.
 */
@FunctionalInterface
public interface ConnectionStateListener {
    void stateChanged(PaddockClient client, ConnectionState newState);
}
