package io.paddock.server.jmx;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.http.ConnectionAddresses;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ConnectionRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paddock's MBean tree in the platform MBean server, for JConsole and JMX tooling, beside the
 * Dropwizard metrics the server already exports in the same domain:
 *
 * <pre>
 * io.paddock:server=&lt;client port&gt;,type=Server        state, version, latencies; resetStatistics()
 * io.paddock:server=&lt;client port&gt;,type=DataTree      znodes, watches, data size, ephemerals
 * io.paddock:server=&lt;client port&gt;,type=Storage       log size, fsyncs, last snapshot; takeSnapshot()
 * io.paddock:server=&lt;client port&gt;,type=Connections,name="ip:port"   one per open connection; close()
 * </pre>
 *
 * The client port in every name keeps several servers in one JVM apart. Thread-safe:
 * connection beans come and go on I/O threads as connections open and close.
 */
public final class ServerMBeans implements AutoCloseable, ConnectionRegistry.Listener {
    public static final String DOMAIN = "io.paddock";
    private static final Logger LOG = LoggerFactory.getLogger(ServerMBeans.class);

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final String prefix;
    private final ConnectionRegistry connections;
    private final Map<ClientConnection, ObjectName> connectionNames = new ConcurrentHashMap<>();
    private final Map<ObjectName, Object> fixed;

    private ServerMBeans(AdminSources sources) {
        this.prefix = DOMAIN + ":server=" + sources.clientPort();
        this.connections = sources.connections();
        Map<ObjectName, Object> beans = new java.util.HashMap<>(Map.of(
                name("Server"), new ServerBean(sources),
                name("DataTree"), new DataTreeBean(sources),
                name("Storage"), new StorageBean(sources)));
        sources.peer().ifPresent(p -> beans.put(name("Peer"), new PeerBean(p)));
        this.fixed = Map.copyOf(beans);
    }

    /** Registers the beans and one per connection, now and as connections open. */
    public static ServerMBeans register(AdminSources sources) {
        ServerMBeans b = new ServerMBeans(sources);
        try {
            for (Map.Entry<ObjectName, Object> e : b.fixed.entrySet()) {
                b.mbeans.registerMBean(e.getValue(), e.getKey());
            }
        } catch (JMException e) {
            b.close();
            throw new IllegalStateException("cannot register Paddock's MBeans under " + b.prefix
                    + " (is another server on this client port in this JVM?): " + e, e);
        }
        b.connections.addListener(b);
        b.connections.connections().forEach(b::opened);
        return b;
    }

    /** The name of one of the server-wide beans, e.g. {@code Server}. */
    public ObjectName name(String type) {
        return objectName(prefix + ",type=" + type);
    }

    @Override
    public void opened(ClientConnection c) {
        InetSocketAddress remote = c.remoteAddress();
        if (remote == null) {
            return;
        }
        String address = ConnectionAddresses.format(remote);
        ObjectName n = objectName(prefix + ",type=Connections,name=" + ObjectName.quote(address));
        if (connectionNames.putIfAbsent(c, n) != null) {
            return;
        }
        try {
            mbeans.registerMBean(new ConnectionBean(c, address), n);
        } catch (JMException e) {
            connectionNames.remove(c);
            LOG.warn("cannot register the MBean of connection {}", address, e);
        }
    }

    @Override
    public void closed(ClientConnection c) {
        ObjectName n = connectionNames.remove(c);
        if (n != null) {
            unregister(n);
        }
    }

    @Override
    public void close() {
        connections.removeListener(this);
        connectionNames.values().forEach(this::unregister);
        connectionNames.clear();
        fixed.keySet().forEach(this::unregister);
    }

    private void unregister(ObjectName n) {
        try {
            mbeans.unregisterMBean(n);
        } catch (InstanceNotFoundException e) {
            // never registered (a failed start) or already gone
        } catch (JMException e) {
            LOG.warn("cannot unregister MBean {}", n, e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bad MBean name " + name, e);
        }
    }
}
