package io.paddock.client.internal;

import io.paddock.client.Watcher;

/**
 * A watch to record once its request succeeds.
 *
 * @param serverPath the path as the server knows it (namespace included)
 */
record WatchRegistration(WatchKind kind, String serverPath, Watcher watcher) {
}
