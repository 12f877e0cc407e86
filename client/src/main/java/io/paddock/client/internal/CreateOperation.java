package io.paddock.client.internal;

import io.paddock.protocol.CreateMode;
import io.paddock.client.StatHolder;
import io.paddock.client.api.CreateBuilder;
import io.paddock.client.exception.NoNodeException;
import io.paddock.protocol.ACL;
import io.paddock.protocol.Create2Response;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetChildrenResponse;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.OpCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link CreateBuilder}: parents on demand, protected names, and recovery of a protected create
 * whose reply was lost (list the parent, look for our uuid) before trying again.
 * Not thread-safe; single use.
 */
public final class CreateOperation<R> implements CreateBuilder<R> {
    /** Curator's protected-name marker, so recipes interoperate on the same tree. */
    static final String PROTECTED_PREFIX = "_c_";

    private final ClientCore core;
    private final Function<CompletableFuture<String>, R> finish;
    private CreateMode mode = CreateMode.PERSISTENT;
    private List<ACL> acl = ACL.OPEN_ACL_UNSAFE;
    private boolean parents;
    private boolean containers;
    private boolean protection;
    private long ttlMs;
    private StatHolder stat;

    public CreateOperation(ClientCore core, Function<CompletableFuture<String>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public CreateBuilder<R> creatingParentsIfNeeded() {
        parents = true;
        return this;
    }

    @Override
    public CreateBuilder<R> creatingParentContainersIfNeeded() {
        parents = true;
        containers = true;
        return this;
    }

    @Override
    public CreateBuilder<R> withProtection() {
        protection = true;
        return this;
    }

    @Override
    public CreateBuilder<R> withMode(CreateMode createMode) {
        mode = Objects.requireNonNull(createMode, "mode");
        return this;
    }

    @Override
    public CreateBuilder<R> withAcl(List<ACL> aclList) {
        acl = aclList == null || aclList.isEmpty() ? ACL.OPEN_ACL_UNSAFE : List.copyOf(aclList);
        return this;
    }

    @Override
    public CreateBuilder<R> withTtl(Duration ttl) {
        ttlMs = ttl.toMillis();
        return this;
    }

    @Override
    public CreateBuilder<R> storingStatIn(StatHolder holder) {
        stat = holder;
        return this;
    }

    @Override
    public R forPath(String path) {
        return forPath(path, new byte[0]);
    }

    @Override
    public R forPath(String path, byte[] data) {
        String serverPath = core.namespace().toServer(path);
        if (mode.isTtl() && ttlMs <= 0) {
            throw new IllegalArgumentException("a " + mode + " node needs withTtl(...)");
        }
        String uuid = protection ? UUID.randomUUID().toString() : null;
        String target = protection ? protectedName(serverPath, uuid) : serverPath;
        boolean retryable = protection || !mode.isSequential() && !mode.isEphemeral();
        byte[] bytes = data == null ? new byte[0] : data;
        return finish.apply(core.run(retryable, attempt -> attempt > 0 && protection
                ? findProtected(serverPath, uuid, path).thenCompose(found -> found != null
                        ? CompletableFuture.completedFuture(found) : createOnce(target, bytes, path))
                : createOnce(target, bytes, path)));
    }

    static String protectedName(String serverPath, String uuid) {
        int slash = serverPath.lastIndexOf('/');
        return serverPath.substring(0, slash + 1) + PROTECTED_PREFIX + uuid + "-"
                + serverPath.substring(slash + 1);
    }

    private CompletableFuture<String> createOnce(String target, byte[] data, String path) {
        CompletableFuture<String> first = send(target, data, path);
        if (!parents) {
            return first;
        }
        return first.exceptionallyCompose(e -> {
            Throwable cause = RetryLoop.unwrap(e);
            int slash = target.lastIndexOf('/');
            if (!(cause instanceof NoNodeException) || slash <= 0) {
                return CompletableFuture.failedFuture(cause);
            }
            return core.ensurePath(target.substring(0, slash), containers)
                    .thenCompose(x -> send(target, data, path));
        });
    }

    private CompletableFuture<String> send(String target, byte[] data, String path) {
        Record request;
        int op;
        if (mode.isTtl()) {
            op = OpCode.CREATE_TTL;
            request = new CreateTTLRequest(target, data, acl, mode.flag(), ttlMs);
        } else {
            op = mode.isContainer() ? OpCode.CREATE_CONTAINER : OpCode.CREATE2;
            request = new CreateRequest(target, data, acl, mode.flag());
        }
        Namespace ns = core.namespace();
        return core.send(op, request, in -> {
            Create2Response r = Create2Response.read(in);
            if (stat != null) {
                stat.set(r.stat());
            }
            return ns.toClient(r.path());
        }, null, path, false);
    }

    /** The node a lost attempt created, found by our uuid among the parent's children. */
    private CompletableFuture<String> findProtected(String serverPath, String uuid, String path) {
        int slash = serverPath.lastIndexOf('/');
        String parent = slash == 0 ? "/" : serverPath.substring(0, slash);
        String marker = PROTECTED_PREFIX + uuid + "-";
        Namespace ns = core.namespace();
        return core.send(OpCode.GET_CHILDREN, new GetChildrenRequest(parent, false),
                in -> GetChildrenResponse.read(in).children(), null, path, false)
                .thenApply(children -> {
                    for (String child : children) {
                        if (child.startsWith(marker)) {
                            return ns.toClient(slash == 0 ? "/" + child : parent + "/" + child);
                        }
                    }
                    return (String) null;
                })
                .exceptionally(e -> {
                    if (RetryLoop.unwrap(e) instanceof NoNodeException) {
                        return null;
                    }
                    throw new java.util.concurrent.CompletionException(RetryLoop.unwrap(e));
                });
    }
}
