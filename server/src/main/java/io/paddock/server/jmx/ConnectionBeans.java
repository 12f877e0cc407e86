package io.paddock.server.jmx;

import io.paddock.server.admin.http.ConnectionAddresses;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ConnectionRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MBean per open client connection ({@code type=Connections,name="ip:port"}), registered
 * once the connection has been open for {@link #GRACE}, on a thread of its own.
 *
 * <p>Why not at once on the connection's I/O thread: registering and unregistering a bean took
 * a quarter of the I/O threads' time under session churn (a connection per session, each open
 * for some milliseconds), and the registration sat between the client's connect and its
 * handshake being read. A bean nobody can look at before the connection is gone is not worth
 * that; so a connection shows in JMX once it has lived {@link #GRACE}, and one that closes
 * sooner is never registered. The {@code cons} four-letter word lists every connection at once.
 *
 * <p>Thread-safe: {@link #opened} and {@link #closed} come from I/O threads and only queue or
 * cancel work; the JMX calls run in order on the one registration thread.
 */
final class ConnectionBeans implements ConnectionRegistry.Listener, AutoCloseable {
    /** How long a connection is open before its bean is registered. */
    static final Duration GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionBeans.class);

    private final MBeanServer mbeans;
    private final String prefix;
    private final ConnectionRegistry connections;
    private final Duration grace;
    /** Registered beans; written on the registration thread, read by {@link #close}. */
    private final Map<ClientConnection, ObjectName> names = new ConcurrentHashMap<>();
    /** Registrations not yet run, by connection; a close cancels its connection's. */
    private final Map<ClientConnection, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService registrar;

    ConnectionBeans(MBeanServer mbeans, String prefix, ConnectionRegistry connections,
            Duration grace) {
        this.mbeans = mbeans;
        this.prefix = prefix;
        this.connections = connections;
        this.grace = grace;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "paddock-jmx-connections");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a cancelled registration leaves the queue
        this.registrar = executor;
    }

    @Override
    public void opened(ClientConnection c) {
        ScheduledFuture<?> f = run(() -> {
            pending.remove(c);
            registerIfOpen(c);
        }, grace.toNanos());
        if (f != null) {
            pending.put(c, f);
        }
    }

    /** A registration still waiting is cancelled (no task, no wake-up); a bean is unregistered. */
    @Override
    public void closed(ClientConnection c) {
        ScheduledFuture<?> f = pending.remove(c);
        if (f == null || !f.cancel(false)) {
            run(() -> unregister(c), 0);
        }
    }

    /** Stops registering and unregisters every connection bean; returns once they are gone. */
    @Override
    public void close() {
        connections.removeListener(this);
        registrar.shutdownNow();
        try {
            if (!registrar.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the JMX registration thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List.copyOf(names.keySet()).forEach(this::unregister);
    }

    private ScheduledFuture<?> run(Runnable task, long delayNanos) {
        try {
            return registrar.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return null; // shutting down: close() unregisters whatever was registered
        }
    }

    /**
     * A connection that closed before now is skipped: the registry drops it before telling its
     * listeners, so its close task, queued after this one if at all, finds nothing to undo.
     */
    private void registerIfOpen(ClientConnection c) {
        InetSocketAddress remote = c.remoteAddress();
        if (remote == null || !connections.connections().contains(c) || names.containsKey(c)) {
            return;
        }
        String address = ConnectionAddresses.format(remote);
        ObjectName n = objectName(prefix + ",type=Connections,name=" + ObjectName.quote(address));
        try {
            mbeans.registerMBean(new ConnectionBean(c, address), n);
            names.put(c, n);
        } catch (JMException e) {
            LOG.warn("cannot register the MBean of connection {}", address, e);
        }
    }

    private void unregister(ClientConnection c) {
        ObjectName n = names.remove(c);
        if (n == null) {
            return;
        }
        try {
            mbeans.unregisterMBean(n);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException e) {
            LOG.warn("cannot unregister MBean {}", n, e);
        }
    }

    static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bad MBean name " + name, e);
        }
    }
}
