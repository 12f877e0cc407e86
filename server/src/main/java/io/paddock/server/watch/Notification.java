package io.paddock.server.watch;

import io.paddock.protocol.WatcherEvent;

/** One watch event due to one watcher; the pipeline delivers it before the triggering reply. */
public record Notification(Watcher watcher, WatcherEvent event) {
    public void deliver() {
        watcher.sendEvent(event);
    }
}
