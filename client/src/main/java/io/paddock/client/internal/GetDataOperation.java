package io.paddock.client.internal;

import io.paddock.client.StatHolder;
import io.paddock.client.Watcher;
import io.paddock.client.api.GetDataBuilder;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.GetDataResponse;
import io.paddock.protocol.op.OpCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link GetDataBuilder}. Not thread-safe; single use. */
public final class GetDataOperation<R> implements GetDataBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<byte[]>, R> finish;
    private StatHolder stat;
    private Watcher watcher;

    public GetDataOperation(ClientCore core, Function<CompletableFuture<byte[]>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public GetDataBuilder<R> storingStatIn(StatHolder holder) {
        stat = holder;
        return this;
    }

    @Override
    public GetDataBuilder<R> watched(Watcher w) {
        watcher = w;
        return this;
    }

    @Override
    public R forPath(String path) {
        String serverPath = core.namespace().toServer(path);
        WatchRegistration watch = watcher == null ? null
                : new WatchRegistration(WatchKind.DATA, serverPath, watcher);
        GetDataRequest request = new GetDataRequest(serverPath, watcher != null);
        return finish.apply(core.run(true, attempt -> core.send(OpCode.GET_DATA, request, in -> {
            GetDataResponse r = GetDataResponse.read(in);
            if (stat != null) {
                stat.set(r.stat());
            }
            return r.data();
        }, watch, path, false)));
    }
}
