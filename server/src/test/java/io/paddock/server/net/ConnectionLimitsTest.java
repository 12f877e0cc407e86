package io.paddock.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.LimitsConfig;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * maxSessions refuses handshakes beyond the bound; connection.maxPendingBytes disconnects a
 * client that sends requests but never reads the replies, while other sessions go on.
 */
class ConnectionLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ZooKeeper connect(PaddockTestingServer server) throws Exception {
        ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> { });
        Timing.await(WAIT).until(() -> zk.getState().isConnected());
        return zk;
    }

    /** A plain socket that has sent a ConnectRequest for a new session. */
    private static Socket handshake(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout((int) Timing.scaled(WAIT).toMillis());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(45);
        out.writeInt(0);
        out.writeLong(0);
        out.writeInt(10_000);
        out.writeLong(0);
        out.writeInt(16);
        out.write(new byte[16]);
        out.writeBoolean(false);
        out.flush();
        return s;
    }

    /** Whether the server answers a new session's handshake (rather than closing). */
    private static boolean sessionGranted(int port) throws IOException {
        try (Socket s = handshake(port, 0)) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            try {
                int length = in.readInt();
                in.readFully(new byte[length]);
                return true;
            } catch (java.io.EOFException | java.net.SocketException e) {
                return false;
            }
        }
    }

    @Test
    void maxSessionsRefusesNewSessionsBeyondTheBound() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .limits(LimitsConfig.DEFAULTS.withMaxSessions(2)).start()) {
            ZooKeeper first = connect(server);
            ZooKeeper second = connect(server);
            assertFalse(sessionGranted(server.port()), "a third session is beyond maxSessions=2");
            second.create("/still-serving", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            first.close();
            Timing.await(WAIT).until(() -> sessionGranted(server.port()));
            second.close();
        }
    }

    @Test
    void aClientThatNeverReadsItsRepliesIsDisconnected() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .limits(LimitsConfig.DEFAULTS.withMaxPendingBytes(256 << 10)).start()) {
            ZooKeeper zk = connect(server);
            zk.create("/big", new byte[512 << 10], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            try (Socket flooder = handshake(server.port(), 4096)) {
                DataInputStream in = new DataInputStream(flooder.getInputStream());
                in.readFully(new byte[in.readInt()]); // the session is there; from now on, no reading
                DataOutputStream out = new DataOutputStream(flooder.getOutputStream());
                byte[] path = "/big".getBytes(StandardCharsets.UTF_8);
                try {
                    for (int xid = 1; xid <= 400; xid++) {
                        out.writeInt(4 + 4 + 4 + path.length + 1);
                        out.writeInt(xid);
                        out.writeInt(4); // getData
                        out.writeInt(path.length);
                        out.write(path);
                        out.writeBoolean(false);
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server may already have closed it: that is what this test waits for.
                }
                // Left: the well-behaved client's connection and the mntr one asking.
                Timing.await(WAIT).until(() -> "2".equals(
                        FourLetterClient.mntr(server.port()).get("zk_num_alive_connections")));
            }
            assertEquals(512 << 10, zk.getData("/big", false, null).length, "others are served");
            zk.close();
        }
    }
}
