package io.paddock.client.internal;

import io.paddock.client.api.DeleteBuilder;
import io.paddock.client.exception.NoNodeException;
import io.paddock.client.exception.NotEmptyException;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetChildrenResponse;
import io.paddock.protocol.op.OpCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeleteBuilder}: descendants first on demand; a retry that finds the node gone counts as
 * done; guaranteed deletes go on in the background after reconnects. Not thread-safe; single use.
 */
public final class DeleteOperation<R> implements DeleteBuilder<R> {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteOperation.class);

    private final ClientCore core;
    private final Function<CompletableFuture<Void>, R> finish;
    private boolean guaranteed;
    private boolean children;
    private int version = -1;

    public DeleteOperation(ClientCore core, Function<CompletableFuture<Void>, R> finish) {
        this.core = core;
        this.finish = finish;
    }

    @Override
    public DeleteBuilder<R> guaranteed() {
        guaranteed = true;
        return this;
    }

    @Override
    public DeleteBuilder<R> deletingChildrenIfNeeded() {
        children = true;
        return this;
    }

    @Override
    public DeleteBuilder<R> withVersion(int v) {
        version = v;
        return this;
    }

    @Override
    public R forPath(String path) {
        String serverPath = core.namespace().toServer(path);
        CompletableFuture<Void> result = attempt(serverPath, path);
        if (guaranteed) {
            result.whenComplete((v, e) -> {
                if (e != null && RetryLoop.isRetryable(RetryLoop.unwrap(e))) {
                    keepTrying(serverPath, path);
                }
            });
        }
        return finish.apply(result);
    }

    private CompletableFuture<Void> attempt(String serverPath, String path) {
        return core.run(true, n -> deleteOnce(serverPath, path).exceptionallyCompose(e -> {
            Throwable cause = RetryLoop.unwrap(e);
            // A retry finding nothing: the lost first attempt most likely deleted it.
            return n > 0 && cause instanceof NoNodeException
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(cause);
        }));
    }

    private void keepTrying(String serverPath, String path) {
        LOG.info("guaranteed delete of {} failed; will retry after reconnecting", path);
        core.whenConnected(() -> attempt(serverPath, path).whenComplete((v, e) -> {
            if (e != null && RetryLoop.isRetryable(RetryLoop.unwrap(e))) {
                keepTrying(serverPath, path);
            }
        }));
    }

    private CompletableFuture<Void> deleteOnce(String serverPath, String path) {
        CompletableFuture<Void> first = send(serverPath, version, path);
        if (!children) {
            return first;
        }
        return first.exceptionallyCompose(e -> {
            Throwable cause = RetryLoop.unwrap(e);
            if (!(cause instanceof NotEmptyException)) {
                return CompletableFuture.failedFuture(cause);
            }
            return deleteChildren(serverPath, path).thenCompose(x -> send(serverPath, version, path));
        });
    }

    private CompletableFuture<Void> send(String serverPath, int v, String path) {
        return core.send(OpCode.DELETE, new DeleteRequest(serverPath, v), null, null, path, false);
    }

    private CompletableFuture<Void> deleteChildren(String serverPath, String path) {
        CompletableFuture<List<String>> list = core.send(OpCode.GET_CHILDREN,
                new GetChildrenRequest(serverPath, false),
                in -> GetChildrenResponse.read(in).children(), null, path, false);
        return list.thenCompose(names -> CompletableFuture.allOf(names.stream()
                .map(name -> deleteTree(child(serverPath, name), path))
                .toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> deleteTree(String serverPath, String path) {
        return deleteChildren(serverPath, path)
                .thenCompose(x -> send(serverPath, -1, path))
                .exceptionallyCompose(e -> RetryLoop.unwrap(e) instanceof NoNodeException
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(RetryLoop.unwrap(e)));
    }

    private static String child(String parent, String name) {
        return "/".equals(parent) ? "/" + name : parent + "/" + name;
    }
}
