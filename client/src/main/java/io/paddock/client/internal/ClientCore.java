package io.paddock.client.internal;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockClient;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.exception.NodeExistsException;
import io.paddock.client.exception.PaddockException;
import io.paddock.client.exception.PaddockInterruptedException;
import io.paddock.client.retry.RetryPolicy;
import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.EventType;
import io.paddock.protocol.op.OpCode;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What the fluent builders run on: the connection, the namespace, the watch tables, the retry
 * loop and the event thread, wired together. One per {@link PaddockClient}.
 *
 * <p>Thread-safe. Internal: not part of the client's public API.
 */
public final class ClientCore implements ConnectionListener {
    private final PaddockClient owner;
    private final Namespace namespace;
    private final RetryPolicy retryPolicy;
    private final EventDispatcher events;
    private final WatchRegistry watches = new WatchRegistry();
    private final ConnectionManager connection;
    private final RetryLoop retryLoop;
    private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> onReconnect = new ConcurrentLinkedQueue<>();
    private final Object stateLock = new Object();
    private ConnectionState state;
    private volatile CompletableFuture<Void> namespaceReady;

    public ClientCore(PaddockClient owner, ClientSettings settings, String namespace,
            RetryPolicy retryPolicy) {
        this.owner = owner;
        this.namespace = Namespace.of(settings.connectString().chroot().orElse(""), namespace);
        this.retryPolicy = retryPolicy;
        this.events = new EventDispatcher("paddock-client-events");
        this.connection = new ConnectionManager(settings, watches, this);
        this.retryLoop = new RetryLoop(System::nanoTime, (task, nanos) ->
                connection.loop().schedule(task, nanos, TimeUnit.NANOSECONDS));
        boolean namespaced = namespace != null && !namespace.isEmpty();
        this.namespaceReady = namespaced ? null : CompletableFuture.completedFuture(null);
    }

    public void start() {
        connection.start();
    }

    public void close() {
        connection.close(2000);
        events.close();
    }

    public Namespace namespace() {
        return namespace;
    }

    public EventDispatcher events() {
        return events;
    }

    public void addListener(ConnectionStateListener l) {
        listeners.add(l);
    }

    public void removeListener(ConnectionStateListener l) {
        listeners.remove(l);
    }

    public void addAuth(AuthInfo auth) {
        connection.addAuth(auth);
    }

    /** The last state published, or null before the first connection. */
    public ConnectionState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    public boolean blockUntilConnected(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (stateLock) {
            while (state == null || !state.isConnected()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(stateLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void stateChanged(ConnectionState newState) {
        synchronized (stateLock) {
            state = newState;
            stateLock.notifyAll();
        }
        events.post(() -> {
            for (ConnectionStateListener l : listeners) {
                l.stateChanged(owner, newState);
            }
        });
        if (newState.isConnected()) {
            for (Runnable task = onReconnect.poll(); task != null; task = onReconnect.poll()) {
                events.post(task);
            }
        }
    }

    @Override
    public void watchEvent(int eventType, String serverPath) {
        Set<Watcher> fired = watches.materialize(eventType, serverPath);
        if (fired.isEmpty()) {
            return;
        }
        WatchedEvent event = new WatchedEvent(toType(eventType), namespace.toClient(serverPath));
        events.post(() -> fired.forEach(w -> w.process(event)));
    }

    @Override
    public void sessionExpired() {
        Set<Watcher> all = watches.clear();
        WatchedEvent event = new WatchedEvent(WatchedEvent.Type.SESSION_EXPIRED, null);
        events.post(() -> all.forEach(w -> w.process(event)));
        if (!namespace.isEmpty() && namespaceReady != null && namespaceReady.isDone()) {
            namespaceReady = null;
        }
    }

    static WatchedEvent.Type toType(int eventType) {
        return switch (eventType) {
            case EventType.NODE_CREATED -> WatchedEvent.Type.NODE_CREATED;
            case EventType.NODE_DELETED -> WatchedEvent.Type.NODE_DELETED;
            case EventType.NODE_DATA_CHANGED -> WatchedEvent.Type.NODE_DATA_CHANGED;
            case EventType.NODE_CHILDREN_CHANGED -> WatchedEvent.Type.NODE_CHILDREN_CHANGED;
            case EventType.DATA_WATCH_REMOVED -> WatchedEvent.Type.DATA_WATCH_REMOVED;
            case EventType.CHILD_WATCH_REMOVED -> WatchedEvent.Type.CHILD_WATCH_REMOVED;
            default -> WatchedEvent.Type.PERSISTENT_WATCH_REMOVED;
        };
    }

    WatchRegistry watches() {
        return watches;
    }

    /** Runs {@code task} on the event thread after the next (re)connection. */
    void whenConnected(Runnable task) {
        onReconnect.add(task);
        ConnectionState now = state();
        if (now != null && now.isConnected() && onReconnect.remove(task)) {
            events.post(task);
        }
    }

    /** Sends one request (paths inside it already server paths); no retry. */
    <T> CompletableFuture<T> send(int opCode, Record request, ResponseReader<T> reader,
            WatchRegistration watch, String clientPath, boolean nullOnNoNode) {
        Call<T> call = new Call<>(opCode, request, reader, watch, clientPath, nullOnNoNode);
        connection.submit(call);
        return call.future;
    }

    /** Runs an operation under the retry policy, or once if it is not safe to repeat. */
    <T> CompletableFuture<T> run(boolean retryable, IntFunction<CompletableFuture<T>> attempt) {
        RetryPolicy policy = retryable ? retryPolicy : RetryPolicy.none();
        CompletableFuture<Void> ready = namespaceReady();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            return retryLoop.run(policy, attempt);
        }
        return ready.thenCompose(x -> retryLoop.run(policy, attempt));
    }

    /** A namespace's root is created on first use, as Curator does. */
    private CompletableFuture<Void> namespaceReady() {
        CompletableFuture<Void> ready = namespaceReady;
        if (ready != null && !ready.isCompletedExceptionally()) {
            return ready;
        }
        synchronized (this) {
            if (namespaceReady == null || namespaceReady.isCompletedExceptionally()) {
                namespaceReady = retryLoop.run(retryPolicy,
                        n -> ensurePath(namespace.prefix(), false));
            }
            return namespaceReady;
        }
    }

    /** Creates {@code serverPath} and its missing ancestors (empty, open ACL). */
    CompletableFuture<Void> ensurePath(String serverPath, boolean containers) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        int from = 1;
        while (from <= serverPath.length()) {
            int slash = serverPath.indexOf('/', from);
            int end = slash < 0 ? serverPath.length() : slash;
            String node = serverPath.substring(0, end);
            chain = chain.thenCompose(x -> createIgnoringExists(node, containers));
            from = end + 1;
        }
        return chain;
    }

    private CompletableFuture<Void> createIgnoringExists(String serverPath, boolean container) {
        int op = container ? OpCode.CREATE_CONTAINER : OpCode.CREATE;
        int flags = container ? 4 : 0;
        CreateRequest request = new CreateRequest(serverPath, new byte[0], ACL.OPEN_ACL_UNSAFE,
                flags);
        return this.<Void>send(op, request, null, null, namespace.toClient(serverPath), false)
                .exceptionallyCompose(e -> RetryLoop.unwrap(e) instanceof NodeExistsException
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(RetryLoop.unwrap(e)));
    }

    /** The future the async API hands out: completed on the event thread. */
    public <T> CompletableFuture<T> toUser(CompletableFuture<T> internal) {
        CompletableFuture<T> out = new CompletableFuture<>();
        internal.whenComplete((value, error) -> events.post(() -> {
            if (error == null) {
                out.complete(value);
            } else {
                out.completeExceptionally(RetryLoop.unwrap(error));
            }
        }));
        return out;
    }

    /**
     * Waits for an operation's result on the caller's thread. Never waits for the event thread,
     * so a watcher or listener may call the synchronous API. A failure is rethrown as a fresh
     * exception of the same type, so its stack trace shows the caller.
     */
    public static <T> T await(CompletableFuture<T> internal) {
        try {
            return internal.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaddockInterruptedException(null);
        } catch (ExecutionException e) {
            Throwable cause = RetryLoop.unwrap(e.getCause());
            if (cause instanceof PaddockException p) {
                PaddockException here = PaddockException.of(p.code(), p.path());
                here.initCause(p);
                here.withResults(p.results());
                throw here;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }
}
