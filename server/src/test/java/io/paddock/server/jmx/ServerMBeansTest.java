package io.paddock.server.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.admin.http.WatchScenario;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** The MBean tree, read and operated through the platform MBean server as JConsole would. */
class ServerMBeansTest {
    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    @Test
    void browseAndOperateTheTree() throws Exception {
        ObjectName server;
        ObjectName connections;
        try (PaddockTestingServer paddock = PaddockTestingServer.builder().jmxEnabled(true)
                .start()) {
            String prefix = "io.paddock:server=" + paddock.port();
            server = new ObjectName(prefix + ",type=Server");
            connections = new ObjectName(prefix + ",type=Connections,*");
            ZooKeeper zk = WatchScenario.apply(paddock.connectString());
            try {
                serverAndTree(paddock, prefix, server);
                storage(paddock, new ObjectName(prefix + ",type=Storage"));
                closeAConnection(zk, connections);
            } finally {
                zk.close();
            }
        }
        assertTrue(mbeans.queryNames(new ObjectName("io.paddock:type=Server,*"), null).stream()
                .noneMatch(server::equals), "unregistered at close");
        assertEquals(Set.of(), mbeans.queryNames(connections, null));
    }

    private void serverAndTree(PaddockTestingServer paddock, String prefix, ObjectName server)
            throws Exception {
        assertEquals("serving", mbeans.getAttribute(server, "State"));
        assertEquals(paddock.port(), mbeans.getAttribute(server, "ClientPort"));
        assertEquals("standalone", mbeans.getAttribute(server, "ServerMode"));
        assertTrue((Long) mbeans.getAttribute(server, "PacketsReceived") >= 6);
        assertEquals(1, mbeans.getAttribute(server, "NumAliveConnections"));
        mbeans.invoke(server, "resetStatistics", null, null);
        assertEquals(0L, mbeans.getAttribute(server, "MaxRequestLatency"));
        ObjectName tree = new ObjectName(prefix + ",type=DataTree");
        assertEquals(paddock.server().storage().tree().nodeCount(),
                mbeans.getAttribute(tree, "NodeCount"));
        assertEquals(1, mbeans.getAttribute(tree, "EphemeralCount"));
        assertEquals(3, mbeans.getAttribute(tree, "WatchCount"));
        assertTrue((Long) mbeans.getAttribute(tree, "ApproximateDataSize") > 0);
    }

    private void storage(PaddockTestingServer paddock, ObjectName storage) throws Exception {
        assertTrue((Long) mbeans.getAttribute(storage, "FsyncCount") >= 2);
        assertTrue((Long) mbeans.getAttribute(storage, "LogDirSize") > 0);
        String zxid = (String) mbeans.invoke(storage, "takeSnapshot", null, null);
        assertEquals("0x" + Long.toHexString(paddock.server().storage().tree()
                .lastProcessedZxid()), zxid);
        assertEquals(zxid, mbeans.getAttribute(storage, "LastSnapshotZxid"));
        assertTrue(!((String) mbeans.getAttribute(storage, "LastSnapshotTime")).isEmpty());
    }

    /**
     * Closing a connection's bean drops the connection; the client reconnects, same session.
     * (A connection's bean is registered once it has been open a moment: awaited.)
     */
    private void closeAConnection(ZooKeeper zk, ObjectName pattern) throws Exception {
        Timing.await().until(() -> mbeans.queryNames(pattern, null).size() == 1);
        Set<ObjectName> before = mbeans.queryNames(pattern, null);
        assertEquals(1, before.size());
        ObjectName first = before.iterator().next();
        assertEquals("0x" + Long.toHexString(zk.getSessionId()),
                mbeans.getAttribute(first, "SessionId"));
        assertEquals("ADDW", mbeans.getAttribute(first, "LastOperation"));
        mbeans.invoke(first, "close", null, null);
        Timing.await().until(() -> {
            Set<ObjectName> now = mbeans.queryNames(pattern, null);
            return now.size() == 1 && !now.contains(first)
                    && !"0x0".equals(mbeans.getAttribute(now.iterator().next(), "SessionId"));
        });
        ObjectName second = mbeans.queryNames(pattern, null).iterator().next();
        assertNotEquals(first, second);
        assertEquals("0x" + Long.toHexString(zk.getSessionId()),
                mbeans.getAttribute(second, "SessionId"));
    }
}
