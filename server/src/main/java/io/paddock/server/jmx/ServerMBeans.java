package io.paddock.server.jmx;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.net.ConnectionRegistry;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
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
 * The client port in every name keeps several servers in one JVM apart. Thread-safe; the
 * connection beans come and go on a thread of their own ({@link ConnectionBeans}).
 */
public final class ServerMBeans implements AutoCloseable {
    public static final String DOMAIN = "io.paddock";
    private static final Logger LOG = LoggerFactory.getLogger(ServerMBeans.class);

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final String prefix;
    private final ConnectionRegistry connections;
    private final ConnectionBeans connectionBeans;
    private final Map<ObjectName, Object> fixed;

    private ServerMBeans(AdminSources sources) {
        this.prefix = DOMAIN + ":server=" + sources.clientPort();
        this.connections = sources.connections();
        this.connectionBeans = new ConnectionBeans(mbeans, prefix, connections,
                ConnectionBeans.GRACE);
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
        b.connections.addListener(b.connectionBeans);
        b.connections.connections().forEach(b.connectionBeans::opened);
        return b;
    }

    /** The name of one of the server-wide beans, e.g. {@code Server}. */
    public ObjectName name(String type) {
        return objectName(prefix + ",type=" + type);
    }

    @Override
    public void close() {
        connectionBeans.close();
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
        return ConnectionBeans.objectName(name);
    }
}
