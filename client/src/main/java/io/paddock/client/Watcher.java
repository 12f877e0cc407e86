package io.paddock.client;

/**
 * Receives watch notifications. Called on the client's single event thread, in the order the
 * server sent the events.
 */
@FunctionalInterface
public interface Watcher {
    void process(WatchedEvent event);
}
