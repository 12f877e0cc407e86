package io.paddock.client.internal;

import io.paddock.protocol.CreateMode;
import io.paddock.client.api.OpResult;
import io.paddock.client.api.TransactionBuilder;
import io.paddock.client.exception.PaddockException;
import io.paddock.protocol.ACL;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.Create2Response;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateResponse;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.ErrorResponse;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetDataResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link TransactionBuilder}: one multi request. Not thread-safe; single use. */
public final class TransactionOperation<R> implements TransactionBuilder<R> {
    private final ClientCore core;
    private final Function<CompletableFuture<List<OpResult>>, R> finish;
    private final List<MultiOp> ops = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();

    public TransactionOperation(ClientCore core,
            Function<CompletableFuture<List<OpResult>>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    private String server(String path) {
        paths.add(path);
        return core.namespace().toServer(path);
    }

    @Override
    public TransactionBuilder<R> create(String path, byte[] data) {
        return create(path, data, CreateMode.PERSISTENT, ACL.OPEN_ACL_UNSAFE);
    }

    @Override
    public TransactionBuilder<R> create(String path, byte[] data, CreateMode mode) {
        return create(path, data, mode, ACL.OPEN_ACL_UNSAFE);
    }

    @Override
    public TransactionBuilder<R> create(String path, byte[] data, CreateMode mode, List<ACL> acl) {
        if (mode.isTtl()) {
            throw new IllegalArgumentException("TTL nodes are not supported in a transaction");
        }
        int op = mode.isContainer() ? OpCode.CREATE_CONTAINER : OpCode.CREATE2;
        ops.add(new MultiOp(op, new CreateRequest(server(path), data == null ? new byte[0] : data,
                acl, mode.flag())));
        return this;
    }

    @Override
    public TransactionBuilder<R> setData(String path, byte[] data) {
        return setData(path, data, -1);
    }

    @Override
    public TransactionBuilder<R> setData(String path, byte[] data, int version) {
        ops.add(new MultiOp(OpCode.SET_DATA, new SetDataRequest(server(path),
                data == null ? new byte[0] : data, version)));
        return this;
    }

    @Override
    public TransactionBuilder<R> check(String path, int version) {
        ops.add(new MultiOp(OpCode.CHECK, new CheckVersionRequest(server(path), version)));
        return this;
    }

    @Override
    public TransactionBuilder<R> delete(String path) {
        return delete(path, -1);
    }

    @Override
    public TransactionBuilder<R> delete(String path, int version) {
        ops.add(new MultiOp(OpCode.DELETE, new DeleteRequest(server(path), version)));
        return this;
    }

    @Override
    public R commit() {
        MultiRequest request = new MultiRequest(List.copyOf(ops));
        List<String> opPaths = List.copyOf(paths);
        Namespace ns = core.namespace();
        return finish.apply(core.run(false, attempt -> core.send(OpCode.MULTI, request,
                in -> toResults(MultiResponse.read(in), ns), null, null, false)
                .thenCompose(results -> checked(results, opPaths))));
    }

    private static List<OpResult> toResults(MultiResponse response, Namespace ns) {
        List<OpResult> out = new ArrayList<>(response.results().size());
        for (MultiResult r : response.results()) {
            out.add(toResult(r, ns));
        }
        return out;
    }

    private static OpResult toResult(MultiResult r, Namespace ns) {
        if (r.response() instanceof Create2Response c) {
            return new OpResult.Create(ns.toClient(c.path()), c.stat());
        } else if (r.response() instanceof CreateResponse c) {
            return new OpResult.Create(ns.toClient(c.path()), null);
        } else if (r.response() instanceof SetDataResponse s) {
            return new OpResult.SetData(s.stat());
        } else if (r.response() instanceof ErrorResponse e) {
            return new OpResult.Error(ErrorCode.of(e.err()));
        } else if (r.type() == OpCode.CHECK) {
            return new OpResult.Check();
        } else if (r.type() == OpCode.DELETE) {
            return new OpResult.Delete();
        }
        return new OpResult.Error(ErrorCode.of(r.err()));
    }

    private static CompletableFuture<List<OpResult>> checked(List<OpResult> results,
            List<String> paths) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof OpResult.Error e && e.code() != ErrorCode.OK) {
                String path = i < paths.size() ? paths.get(i) : null;
                return CompletableFuture.failedFuture(
                        PaddockException.of(e.code(), path).withResults(results));
            }
        }
        return CompletableFuture.completedFuture(results);
    }
}
