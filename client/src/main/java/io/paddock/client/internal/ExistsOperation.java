package io.paddock.client.internal;

import io.paddock.client.Watcher;
import io.paddock.client.api.ExistsBuilder;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.ExistsResponse;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.OpCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link ExistsBuilder}. Not thread-safe; single use. */
public final class ExistsOperation<R> implements ExistsBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<Stat>, R> finish;
    private Watcher watcher;

    public ExistsOperation(ClientCore core, Function<CompletableFuture<Stat>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public ExistsBuilder<R> watched(Watcher w) {
        watcher = w;
        return this;
    }

    @Override
    public R forPath(String path) {
        String serverPath = core.namespace().toServer(path);
        WatchRegistration watch = watcher == null ? null
                : new WatchRegistration(WatchKind.DATA, serverPath, watcher);
        ExistsRequest request = new ExistsRequest(serverPath, watcher != null);
        return finish.apply(core.run(true, attempt -> core.send(OpCode.EXISTS, request,
                in -> ExistsResponse.read(in).stat(), watch, path, true)));
    }
}
