package io.paddock.client.internal;

import io.paddock.client.StatHolder;
import io.paddock.client.Watcher;
import io.paddock.client.api.GetChildrenBuilder;
import io.paddock.protocol.GetChildren2Request;
import io.paddock.protocol.GetChildren2Response;
import io.paddock.protocol.op.OpCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link GetChildrenBuilder}. Not thread-safe; single use. */
public final class GetChildrenOperation<R> implements GetChildrenBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<List<String>>, R> finish;
    private StatHolder stat;
    private Watcher watcher;

    public GetChildrenOperation(ClientCore core,
            Function<CompletableFuture<List<String>>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public GetChildrenBuilder<R> storingStatIn(StatHolder holder) {
        stat = holder;
        return this;
    }

    @Override
    public GetChildrenBuilder<R> watched(Watcher w) {
        watcher = w;
        return this;
    }

    @Override
    public R forPath(String path) {
        String serverPath = core.namespace().toServer(path);
        WatchRegistration watch = watcher == null ? null
                : new WatchRegistration(WatchKind.CHILD, serverPath, watcher);
        GetChildren2Request request = new GetChildren2Request(serverPath, watcher != null);
        return finish.apply(core.run(true, attempt -> core.send(OpCode.GET_CHILDREN2, request,
                in -> {
                    GetChildren2Response r = GetChildren2Response.read(in);
                    if (stat != null) {
                        stat.set(r.stat());
                    }
                    return r.children();
                }, watch, path, false)));
    }
}
