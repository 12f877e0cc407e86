package io.paddock.client.internal;

import io.paddock.client.api.SyncBuilder;
import io.paddock.protocol.SyncRequest;
import io.paddock.protocol.op.OpCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link SyncBuilder}. Not thread-safe; single use. */
public final class SyncOperation<R> implements SyncBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<Void>, R> finish;

    public SyncOperation(ClientCore core, Function<CompletableFuture<Void>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public R forPath(String path) {
        SyncRequest request = new SyncRequest(core.namespace().toServer(path));
        return finish.apply(core.run(true, attempt -> core.<Void>send(OpCode.SYNC, request,
                in -> null, null, path, false)));
    }
}
