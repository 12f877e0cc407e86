package io.paddock.server.net.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * Clients of a secure port for tests: the official ZooKeeper client over its Netty socket with
 * TLS (configured through a ZKClientConfig, never system properties), and a bare JDK TLS socket
 * that reports whether the server lets a session start. Used by one test thread at a time.
 */
public final class TlsClients {
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final String PASSWORD = "client-pw";

    private TlsClients() {
    }

    /** The official client's TLS settings: a PKCS12 key store (or none) and trust store. */
    public static ZKClientConfig config(Path keyStore, Path trustStore) {
        ZKClientConfig c = new ZKClientConfig();
        c.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        c.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET,
                "org.apache.zookeeper.ClientCnxnSocketNetty");
        c.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        if (keyStore != null) {
            c.setProperty("zookeeper.ssl.keyStore.location", keyStore.toString());
            c.setProperty("zookeeper.ssl.keyStore.password", PASSWORD);
            c.setProperty("zookeeper.ssl.keyStore.type", "PKCS12");
        }
        c.setProperty("zookeeper.ssl.trustStore.location", trustStore.toString());
        c.setProperty("zookeeper.ssl.trustStore.password", PASSWORD);
        c.setProperty("zookeeper.ssl.trustStore.type", "PKCS12");
        return c;
    }

    /** An official client whose session is established; the caller closes it. */
    public static ZooKeeper connect(String connectString, ZKClientConfig config) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, e -> {
            if (e.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, config);
        try {
            assertTrue(Timing.latch(connected, WAIT), "no TLS session with " + connectString);
        } catch (AssertionError | InterruptedException e) {
            zk.close();
            throw e;
        }
        return zk;
    }

    /** A JDK TLS context with this PKCS12 key store (or none) trusting this PKCS12 trust store. */
    public static SSLContext context(Path keyStore, Path trustStore, String protocol) throws Exception {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(java.nio.file.Files.newInputStream(keyStore), PASSWORD.toCharArray());
            kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, PASSWORD.toCharArray());
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(java.nio.file.Files.newInputStream(trustStore), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance(protocol);
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /**
     * Opens a TLS connection, sends a ConnectRequest and reads the answer: the TLS session
     * when the server answered, or null when it refused (a failed handshake, or a close
     * before any answer).
     */
    public static SSLSession trySession(int port, SSLContext ctx, String... protocols) throws IOException {
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port),
                    (int) Timing.scaled(WAIT).toMillis());
            socket.setSoTimeout((int) Timing.scaled(WAIT).toMillis());
            if (protocols.length > 0) {
                socket.setEnabledProtocols(protocols);
            }
            socket.startHandshake();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(45);
            out.writeInt(0);          // protocol version
            out.writeLong(0);         // last zxid seen
            out.writeInt(10_000);     // timeout
            out.writeLong(0);         // session id: a new session
            out.writeInt(16);
            out.write(new byte[16]);  // password
            out.writeBoolean(false);  // read-only
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            in.readFully(new byte[length]);
            return socket.getSession();
        } catch (javax.net.ssl.SSLException | java.io.EOFException
                | java.net.SocketException e) {
            return null;
        }
    }
}
