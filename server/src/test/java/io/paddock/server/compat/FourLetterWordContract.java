package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Four-letter words over a bare socket, in ZooKeeper's text formats. */
abstract class FourLetterWordContract extends CompatTestBase {

    private String send(String command) throws Exception {
        return FourLetterWords.send(server.port(), command);
    }

    private static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "expected \"" + expected + "\" in:\n" + output);
    }

    @Test
    void ruok() throws Exception {
        assertEquals("imok", send("ruok"));
    }

    @Test
    void srvr() throws Exception {
        String out = send("srvr");
        assertContains(out, "Zookeeper version: ");
        assertContains(out, "Latency min/avg/max: ");
        assertContains(out, "Received: ");
        assertContains(out, "Sent: ");
        assertContains(out, "Connections: ");
        assertContains(out, "Outstanding: ");
        assertContains(out, "Zxid: 0x");
        assertContains(out, "Mode: " + server.mode() + "\n");
        assertContains(out, "Node count: ");
    }

    @Test
    void statListsClients() throws Exception {
        ZooKeeper zk = connect();
        String out = send("stat");
        assertContains(out, "Zookeeper version: ");
        assertContains(out, "Clients:\n");
        assertContains(out, " /127.0.0.1:");
        assertContains(out, "Mode: " + server.mode() + "\n");
        zk.close();
    }

    @Test
    void mntrIsTabSeparatedKeyValues() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/a", "");
        create(zk, "/b", "");
        Map<String, String> metrics = new HashMap<>();
        for (String line : send("mntr").split("\n")) {
            String[] kv = line.split("\t", 2);
            assertEquals(2, kv.length, () -> "not key<TAB>value: " + line);
            metrics.put(kv[0], kv[1]);
        }
        assertTrue(metrics.containsKey("zk_version"), metrics::toString);
        assertEquals(server.mode(), metrics.get("zk_server_state"));
        // "/", the /zookeeper subtree and the two nodes made above.
        assertTrue(Integer.parseInt(metrics.get("zk_znode_count")) >= 4, metrics::toString);
        assertTrue(Integer.parseInt(metrics.get("zk_num_alive_connections")) >= 1, metrics::toString);
        assertTrue(metrics.containsKey("zk_avg_latency"), metrics::toString);
        assertTrue(metrics.containsKey("zk_outstanding_requests"), metrics::toString);
        assertTrue(metrics.containsKey("zk_watch_count"), metrics::toString);
        assertTrue(metrics.containsKey("zk_ephemerals_count"), metrics::toString);
    }

    @Test
    void confShowsTheSettings() throws Exception {
        String out = send("conf");
        assertContains(out, "clientPort=");
        assertContains(out, "tickTime=" + settings().tickTime() + "\n");
        assertContains(out, "maxSessionTimeout=" + 20 * settings().tickTime() + "\n");
        assertContains(out, "minSessionTimeout=" + 2 * settings().tickTime() + "\n");
    }

    @Test
    void consListsEachSession() throws Exception {
        ZooKeeper zk = connect();
        String out = send("cons");
        assertContains(out, " /127.0.0.1:");
        assertContains(out, "sid=0x" + Long.toHexString(zk.getSessionId()));
    }

    @Test
    void envi() throws Exception {
        String out = send("envi");
        assertContains(out, "Environment:\n");
        assertContains(out, "zookeeper.version=");
        assertContains(out, "java.version=");
    }

    @Test
    void wchsCountsWatches() throws Exception {
        ZooKeeper zk = connect();
        create(zk, "/w", "");
        create(zk, "/v", "");
        zk.exists("/w", true);
        zk.getData("/w", true, null);
        zk.getData("/v", true, null);
        String out = send("wchs");
        // One connection's data watches on two paths: ZooKeeper counts a watcher once per path.
        assertEquals("1 connections watching 2 paths\nTotal watches:2\n", out);
    }

    @Test
    void isro() throws Exception {
        assertEquals("rw", send("isro"));
    }

    @Test
    void commandOutsideTheWhitelistIsRefusedInZooKeepersWords() throws Exception {
        assertEquals("dump is not executed because it is not in the whitelist.\n", send("dump"));
        assertServerStillServes();
    }
}
