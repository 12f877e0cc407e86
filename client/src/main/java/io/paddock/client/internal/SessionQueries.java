package io.paddock.client.internal;

import io.paddock.protocol.ClientInfo;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.GetAllChildrenNumberRequest;
import io.paddock.protocol.GetAllChildrenNumberResponse;
import io.paddock.protocol.GetEphemeralsRequest;
import io.paddock.protocol.GetEphemeralsResponse;
import io.paddock.protocol.WhoAmIResponse;
import io.paddock.protocol.op.OpCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The reads with no options, so no builder: whoAmI, getEphemerals and getAllChildrenNumber.
 * All are safe to retry.
 *
 * <p>Thread-safe: stateless beyond the core it sends through.
 */
public final class SessionQueries {
    private final ClientCore core;

    public SessionQueries(ClientCore core) {
        this.core = core;
    }

    /** The identities the server holds for this session (scheme and user of each). */
    public CompletableFuture<List<ClientInfo>> whoAmI() {
        return core.run(true, attempt -> core.send(OpCode.WHO_AM_I, EmptyRequest.INSTANCE,
                in -> WhoAmIResponse.read(in).clientInfo(), null, null, false));
    }

    /** This session's ephemeral nodes whose paths start with {@code prefix}, sorted. */
    public CompletableFuture<List<String>> ephemerals(String prefix) {
        Namespace ns = core.namespace();
        GetEphemeralsRequest request = new GetEphemeralsRequest(ns.toServer(prefix));
        return core.run(true, attempt -> core.send(OpCode.GET_EPHEMERALS, request,
                in -> GetEphemeralsResponse.read(in).ephemerals().stream()
                        .map(ns::toClient).toList(), null, prefix, false));
    }

    /** How many nodes lie below {@code path}, at any depth. */
    public CompletableFuture<Integer> allChildrenNumber(String path) {
        GetAllChildrenNumberRequest request =
                new GetAllChildrenNumberRequest(core.namespace().toServer(path));
        return core.run(true, attempt -> core.send(OpCode.GET_ALL_CHILDREN_NUMBER, request,
                in -> GetAllChildrenNumberResponse.read(in).totalNumber(), null, path, false));
    }
}
