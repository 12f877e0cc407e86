package io.paddock.client;

import io.paddock.protocol.CreateMode;
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
import io.paddock.client.async.AsyncPaddockClient;
import io.paddock.client.internal.AuthInfo;
import io.paddock.client.internal.ClientCore;
import io.paddock.client.internal.ClientSettings;
import io.paddock.client.internal.CreateOperation;
import io.paddock.client.internal.DeleteOperation;
import io.paddock.client.internal.ExistsOperation;
import io.paddock.client.internal.GetAclOperation;
import io.paddock.client.internal.GetChildrenOperation;
import io.paddock.client.internal.GetDataOperation;
import io.paddock.client.internal.SessionQueries;
import io.paddock.client.internal.SetAclOperation;
import io.paddock.client.internal.SetDataOperation;
import io.paddock.client.internal.SyncOperation;
import io.paddock.client.internal.TransactionOperation;
import io.paddock.client.internal.WatchersOperation;
import io.paddock.client.retry.ExponentialBackoffRetry;
import io.paddock.client.retry.RetryPolicy;
import io.paddock.protocol.ACL;
import io.paddock.protocol.ClientInfo;
import io.paddock.protocol.Stat;
import io.paddock.protocol.codec.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A ZooKeeper-protocol client with a fluent API, for Paddock or any ZooKeeper 3.5+ ensemble.
 *
 * <pre>{@code
 * PaddockClient client = PaddockClient.builder()
 *         .connectString("zk1:2181,zk2:2181")
 *         .sessionTimeout(Duration.ofSeconds(30))
 *         .retryPolicy(new ExponentialBackoffRetry(Duration.ofMillis(100), 5))
 *         .namespace("app")
 *         .build();
 * client.start();
 * client.blockUntilConnected(Duration.ofSeconds(10));
 * String path = client.create().creatingParentsIfNeeded()
 *         .withMode(CreateMode.EPHEMERAL_SEQUENTIAL).forPath("/workers/w-", data);
 * }</pre>
 *
 * <p>Each operation returns a single-use builder; {@code forPath} (or {@code commit}) sends it and
 * waits for the reply, throwing a typed {@link io.paddock.client.exception.PaddockException}.
 * {@link #async()} offers the same builders returning {@code CompletableFuture}s.
 *
 * <p>Thread-safe: one client is meant to be shared by a whole application. Connection-state
 * listeners, watchers and async callbacks run on one event thread, in order; the synchronous
 * API may be called from them.
 */
public final class PaddockClient implements AutoCloseable {
    private final ClientCore core;
    private final AsyncPaddockClient async;

    private PaddockClient(Builder b) {
        ConnectString cs = ConnectString.parse(b.connectString);
        ClientSettings settings = new ClientSettings(cs, (int) b.sessionTimeout.toMillis(),
                (int) b.connectionTimeout.toMillis(), b.canBeReadOnly, b.auths,
                Frames.DEFAULT_MAX_BUFFER + 1024, b.random);
        this.core = new ClientCore(this, settings, b.namespace, b.retryPolicy);
        this.async = new AsyncPaddockClient(core);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts connecting in the background; see {@link #blockUntilConnected}. */
    public PaddockClient start() {
        core.start();
        return this;
    }

    /** Waits until connected; false if {@code max} passed first. */
    public boolean blockUntilConnected(Duration max) {
        return core.blockUntilConnected(max);
    }

    /** The last published state; null before the first connection. */
    public ConnectionState state() {
        return core.state();
    }

    public void addConnectionStateListener(ConnectionStateListener listener) {
        core.addListener(listener);
    }

    public void removeConnectionStateListener(ConnectionStateListener listener) {
        core.removeListener(listener);
    }

    /** Adds credentials to the session now and after every reconnect. */
    public void addAuth(String scheme, byte[] auth) {
        core.addAuth(new AuthInfo(scheme, auth.clone()));
    }

    /** The namespace prefix applied to every path (chroot plus namespace), or "". */
    public String namespace() {
        return core.namespace().prefix();
    }

    /** The same operations, returning {@code CompletableFuture}s completed on the event thread. */
    public AsyncPaddockClient async() {
        return async;
    }

    public CreateBuilder<String> create() {
        return new CreateOperation<>(core, ClientCore::await);
    }

    public GetDataBuilder<byte[]> getData() {
        return new GetDataOperation<>(core, ClientCore::await);
    }

    public SetDataBuilder<Stat> setData() {
        return new SetDataOperation<>(core, ClientCore::await);
    }

    public DeleteBuilder<Void> delete() {
        return new DeleteOperation<>(core, ClientCore::await);
    }

    public ExistsBuilder<Stat> checkExists() {
        return new ExistsOperation<>(core, ClientCore::await);
    }

    public GetChildrenBuilder<List<String>> getChildren() {
        return new GetChildrenOperation<>(core, ClientCore::await);
    }

    public GetAclBuilder<List<ACL>> getAcl() {
        return new GetAclOperation<>(core, ClientCore::await);
    }

    public SetAclBuilder<Stat> setAcl() {
        return new SetAclOperation<>(core, ClientCore::await);
    }

    public SyncBuilder<Void> sync() {
        return new SyncOperation<>(core, ClientCore::await);
    }

    public TransactionBuilder<List<OpResult>> transaction() {
        return new TransactionOperation<>(core, ClientCore::await);
    }

    public WatchersBuilder<Void> watchers() {
        return new WatchersOperation<>(core, ClientCore::await);
    }

    /** The identities the server holds for this session (ZooKeeper's whoAmI, 3.8+ servers). */
    public List<ClientInfo> whoAmI() {
        return ClientCore.await(new SessionQueries(core).whoAmI());
    }

    /** This session's ephemeral nodes whose paths start with {@code prefix} ("/" for all). */
    public List<String> getEphemerals(String prefix) {
        return ClientCore.await(new SessionQueries(core).ephemerals(prefix));
    }

    /** How many nodes lie below {@code path}, at any depth (ZooKeeper's getAllChildrenNumber). */
    public int getAllChildrenNumber(String path) {
        return ClientCore.await(new SessionQueries(core).allChildrenNumber(path));
    }

    /** Closes the session (its ephemeral nodes go), the connection and the event thread. */
    @Override
    public void close() {
        core.close();
    }

    /** Settings for a {@link PaddockClient}; every one but the connect string has a default. */
    public static final class Builder {
        private String connectString;
        private Duration sessionTimeout = Duration.ofSeconds(60);
        private Duration connectionTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = new ExponentialBackoffRetry(Duration.ofMillis(100), 3);
        private String namespace = "";
        private boolean canBeReadOnly;
        private final List<AuthInfo> auths = new ArrayList<>();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder() {
        }

        /** {@code host:port[,host:port...][/chroot]}. */
        public Builder connectString(String value) {
            connectString = Objects.requireNonNull(value, "connectString");
            return this;
        }

        /** The session timeout to ask for; the server bounds it. Default 60 s. */
        public Builder sessionTimeout(Duration value) {
            sessionTimeout = value;
            return this;
        }

        /** How long a request waits for a connection before failing. Default 15 s. */
        public Builder connectionTimeout(Duration value) {
            connectionTimeout = value;
            return this;
        }

        /** Default: exponential backoff from 100 ms, 3 retries. */
        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** A path prefix for every operation, created on first use (Curator's namespace). */
        public Builder namespace(String value) {
            namespace = value == null ? "" : value;
            return this;
        }

        /** Credentials sent on every connection, e.g. {@code ("digest", "user:pw".getBytes())}. */
        public Builder authorization(String scheme, byte[] auth) {
            auths.add(new AuthInfo(scheme, auth.clone()));
            return this;
        }

        /** Accept a read-only server (one that lost its quorum); reported as READ_ONLY. */
        public Builder canBeReadOnly(boolean value) {
            canBeReadOnly = value;
            return this;
        }

        /** Source of the host shuffle and reconnect jitter; a seeded one makes them repeatable. */
        public Builder random(RandomGenerator value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        public PaddockClient build() {
            if (connectString == null) {
                throw new IllegalStateException("connectString is required");
            }
            return new PaddockClient(this);
        }
    }
}
