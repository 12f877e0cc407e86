package io.paddock.client.internal;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.WatcherType;
import io.paddock.client.api.AddWatchBuilder;
import io.paddock.client.api.RemoveWatchBuilder;
import io.paddock.client.api.WatchersBuilder;
import io.paddock.client.exception.NoWatcherException;
import io.paddock.protocol.AddWatchRequest;
import io.paddock.protocol.RemoveWatchesRequest;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link WatchersBuilder} and its add/remove builders. Not thread-safe; single use. */
public final class WatchersOperation<R> implements WatchersBuilder<R> {
    /** ZooKeeper's AddWatchMode numbers. */
    private static final int MODE_PERSISTENT = 0;
    private static final int MODE_PERSISTENT_RECURSIVE = 1;

    private final ClientCore core;
    private final Function<CompletableFuture<Void>, R> finish;

    public WatchersOperation(ClientCore core, Function<CompletableFuture<Void>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public AddWatchBuilder<R> add() {
        return new Add();
    }

    @Override
    public RemoveWatchBuilder<R> remove(Watcher watcher) {
        return new Remove(watcher);
    }

    private final class Add implements AddWatchBuilder<R> {
        private boolean recursive;

        @Override
        public AddWatchBuilder<R> persistent() {
            recursive = false;
            return this;
        }

        @Override
        public AddWatchBuilder<R> recursive() {
            recursive = true;
            return this;
        }

        @Override
        public R forPath(String path, Watcher watcher) {
            String serverPath = core.namespace().toServer(path);
            WatchRegistration watch = new WatchRegistration(
                    recursive ? WatchKind.PERSISTENT_RECURSIVE : WatchKind.PERSISTENT,
                    serverPath, watcher);
            AddWatchRequest request = new AddWatchRequest(serverPath,
                    recursive ? MODE_PERSISTENT_RECURSIVE : MODE_PERSISTENT);
            return finish.apply(core.run(true, attempt -> core.<Void>send(OpCode.ADD_WATCH,
                    request, in -> null, watch, path, false)));
        }
    }

    private final class Remove implements RemoveWatchBuilder<R> {
        private final Watcher watcher;
        private WatcherType type = WatcherType.ANY;
        private boolean locally;

        Remove(Watcher watcher) {
            this.watcher = watcher;
        }

        @Override
        public RemoveWatchBuilder<R> ofType(WatcherType watcherType) {
            type = watcherType;
            return this;
        }

        @Override
        public RemoveWatchBuilder<R> locally() {
            locally = true;
            return this;
        }

        @Override
        public R forPath(String path) {
            String serverPath = core.namespace().toServer(path);
            WatchRegistry registry = core.watches();
            List<WatchKind> removed = registry.remove(serverPath, watcher, type);
            if (removed.isEmpty()) {
                return finish.apply(CompletableFuture.failedFuture(new NoWatcherException(path)));
            }
            List<CompletableFuture<Void>> server = new ArrayList<>();
            for (WatcherType wire : wireTypes(removed)) {
                if (registry.noneLeft(serverPath, wire)) {
                    server.add(tellServer(serverPath, wire, path));
                }
            }
            Set<WatchedEvent.Type> notices = new LinkedHashSet<>();
            removed.forEach(kind -> notices.add(notice(kind)));
            CompletableFuture<Void> done = CompletableFuture.allOf(
                    server.toArray(CompletableFuture[]::new)).thenRun(() -> core.events().post(
                            () -> notices.forEach(t -> watcher.process(new WatchedEvent(t, path)))));
            return finish.apply(done);
        }

        private CompletableFuture<Void> tellServer(String serverPath, WatcherType wire,
                String path) {
            RemoveWatchesRequest request = new RemoveWatchesRequest(serverPath, wire.wire());
            return core.run(true, attempt -> core.<Void>send(OpCode.REMOVE_WATCHES, request,
                    in -> null, null, path, false)).exceptionallyCompose(e -> {
                        Throwable cause = RetryLoop.unwrap(e);
                        // The server may have fired (and so dropped) the watch meanwhile.
                        boolean fine = cause instanceof NoWatcherException
                                || locally && RetryLoop.isRetryable(cause);
                        return fine ? CompletableFuture.completedFuture(null)
                                : CompletableFuture.failedFuture(cause);
                    });
        }

        private static Set<WatcherType> wireTypes(List<WatchKind> kinds) {
            Set<WatcherType> out = new LinkedHashSet<>();
            for (WatchKind kind : kinds) {
                out.add(switch (kind) {
                    case DATA, EXIST -> WatcherType.DATA;
                    case CHILD -> WatcherType.CHILDREN;
                    case PERSISTENT -> WatcherType.PERSISTENT;
                    case PERSISTENT_RECURSIVE -> WatcherType.PERSISTENT_RECURSIVE;
                });
            }
            return out;
        }

        private static WatchedEvent.Type notice(WatchKind kind) {
            return switch (kind) {
                case DATA, EXIST -> WatchedEvent.Type.DATA_WATCH_REMOVED;
                case CHILD -> WatchedEvent.Type.CHILD_WATCH_REMOVED;
                case PERSISTENT, PERSISTENT_RECURSIVE -> WatchedEvent.Type.PERSISTENT_WATCH_REMOVED;
            };
        }
    }
}
