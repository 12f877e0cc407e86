package io.paddock.client.internal;

import io.paddock.client.api.SetAclBuilder;
import io.paddock.protocol.ACL;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetACLResponse;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.OpCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link SetAclBuilder}. Not thread-safe; single use. */
public final class SetAclOperation<R> implements SetAclBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<Stat>, R> finish;
    private int version = -1;
    private List<ACL> acl = ACL.OPEN_ACL_UNSAFE;

    public SetAclOperation(ClientCore core, Function<CompletableFuture<Stat>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public SetAclBuilder<R> withVersion(int aclVersion) {
        version = aclVersion;
        return this;
    }

    @Override
    public SetAclBuilder<R> withAcl(List<ACL> aclList) {
        acl = List.copyOf(aclList);
        return this;
    }

    @Override
    public R forPath(String path) {
        SetACLRequest request = new SetACLRequest(core.namespace().toServer(path), acl, version);
        return finish.apply(core.run(true, attempt -> core.send(OpCode.SET_ACL, request,
                in -> SetACLResponse.read(in).stat(), null, path, false)));
    }
}
