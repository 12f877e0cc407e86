package io.paddock.client.internal;

import io.paddock.client.StatHolder;
import io.paddock.client.api.GetAclBuilder;
import io.paddock.protocol.ACL;
import io.paddock.protocol.GetACLRequest;
import io.paddock.protocol.GetACLResponse;
import io.paddock.protocol.op.OpCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link GetAclBuilder}. Not thread-safe; single use. */
public final class GetAclOperation<R> implements GetAclBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<List<ACL>>, R> finish;
    private StatHolder stat;

    public GetAclOperation(ClientCore core, Function<CompletableFuture<List<ACL>>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public GetAclBuilder<R> storingStatIn(StatHolder holder) {
        stat = holder;
        return this;
    }

    @Override
    public R forPath(String path) {
        GetACLRequest request = new GetACLRequest(core.namespace().toServer(path));
        return finish.apply(core.run(true, attempt -> core.send(OpCode.GET_ACL, request, in -> {
            GetACLResponse r = GetACLResponse.read(in);
            if (stat != null) {
                stat.set(r.stat());
            }
            return r.acl();
        }, null, path, false)));
    }
}
