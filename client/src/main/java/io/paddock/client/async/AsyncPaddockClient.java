package io.paddock.client.async;

import io.paddock.client.api.CreateBuilder;
import io.paddock.client.api.DeleteBuilder;
import io.paddock.client.api.ExistsBuilder;
import io.paddock.client.api.GetAclBuilder;
import io.paddock.client.api.GetChildrenBuilder;
import io.paddock.client.api.GetDataBuilder;
import io.paddock.client.api.OpResult;
import io.paddock.client.api.SetAclBuilder;
import io.paddock.client.api.SetDataBuilder;
import io.paddock.client.api.SyncBuilder;
import io.paddock.client.api.TransactionBuilder;
import io.paddock.client.api.WatchersBuilder;
import io.paddock.client.internal.ClientCore;
import io.paddock.client.internal.CreateOperation;
import io.paddock.client.internal.DeleteOperation;
import io.paddock.client.internal.ExistsOperation;
import io.paddock.client.internal.GetAclOperation;
import io.paddock.client.internal.GetChildrenOperation;
import io.paddock.client.internal.GetDataOperation;
import io.paddock.client.internal.SetAclOperation;
import io.paddock.client.internal.SetDataOperation;
import io.paddock.client.internal.SyncOperation;
import io.paddock.client.internal.TransactionOperation;
import io.paddock.client.internal.WatchersOperation;
import io.paddock.protocol.ACL;
import io.paddock.protocol.Stat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of a {@code PaddockClient} ({@code client.async()}): the same builders,
 * whose {@code forPath}/{@code commit} return a {@link CompletableFuture} at once. Futures
 * complete on the client's event thread, in reply order, after any watch events the server sent
 * before the reply; failures are the typed {@code PaddockException}s. Never block on such a
 * future from the event thread (a watcher, listener or callback): that thread completes it.
 *
 * <p>No thread waits per request: one session pipelines any number of outstanding requests.
 * Thread-safe.
 */
public final class AsyncPaddockClient {
    private final ClientCore core;

    public AsyncPaddockClient(ClientCore core) {
        this.core = core;
    }

    public CreateBuilder<CompletableFuture<String>> create() {
        return new CreateOperation<>(core, core::toUser);
    }

    public GetDataBuilder<CompletableFuture<byte[]>> getData() {
        return new GetDataOperation<>(core, core::toUser);
    }

    public SetDataBuilder<CompletableFuture<Stat>> setData() {
        return new SetDataOperation<>(core, core::toUser);
    }

    public DeleteBuilder<CompletableFuture<Void>> delete() {
        return new DeleteOperation<>(core, core::toUser);
    }

    public ExistsBuilder<CompletableFuture<Stat>> checkExists() {
        return new ExistsOperation<>(core, core::toUser);
    }

    public GetChildrenBuilder<CompletableFuture<List<String>>> getChildren() {
        return new GetChildrenOperation<>(core, core::toUser);
    }

    public GetAclBuilder<CompletableFuture<List<ACL>>> getAcl() {
        return new GetAclOperation<>(core, core::toUser);
    }

    public SetAclBuilder<CompletableFuture<Stat>> setAcl() {
        return new SetAclOperation<>(core, core::toUser);
    }

    public SyncBuilder<CompletableFuture<Void>> sync() {
        return new SyncOperation<>(core, core::toUser);
    }

    public TransactionBuilder<CompletableFuture<List<OpResult>>> transaction() {
        return new TransactionOperation<>(core, core::toUser);
    }

    public WatchersBuilder<CompletableFuture<Void>> watchers() {
        return new WatchersOperation<>(core, core::toUser);
    }
}
