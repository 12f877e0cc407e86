package io.paddock.client.internal;

import io.paddock.client.api.SetDataBuilder;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetDataResponse;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.OpCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link SetDataBuilder}. Not thread-safe; single use. */
public final class SetDataOperation<R> implements SetDataBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<Stat>, R> finish;
    private int version = -1;

    public SetDataOperation(ClientCore core, Function<CompletableFuture<Stat>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public SetDataBuilder<R> withVersion(int v) {
        version = v;
        return this;
    }

    @Override
    public R forPath(String path, byte[] data) {
        SetDataRequest request = new SetDataRequest(core.namespace().toServer(path),
                data == null ? new byte[0] : data, version);
        return finish.apply(core.run(true, attempt -> core.send(OpCode.SET_DATA, request,
                in -> SetDataResponse.read(in).stat(), null, path, false)));
    }
}
