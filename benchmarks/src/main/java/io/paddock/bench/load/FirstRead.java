package io.paddock.bench.load;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Waits for a (re)starting server to serve its first read: polls {@code srvr} until the server
 * reports a mode, then opens a session with the official client and reads a known node,
 * starting over on a connection loss. The same procedure for both servers; a fresh client per
 * attempt, so the client's own reconnect back-off never pads the figure.
 *
 * <p>Not thread-safe; one use per start.
 */
final class FirstRead {
    private static final long POLL_MILLIS = 20;
    private static final int SESSION_TIMEOUT_MS = 30_000;

    private final ServerProcess server;
    private final String path;
    private long servingNanos;
    private long readNanos;

    FirstRead(ServerProcess server, String path) {
        this.server = server;
        this.path = path;
    }

    /** Returns the data of the first successful getData; {@link #readNanos()} says when. */
    byte[] await(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(server.kind().label() + " exited while "
                        + "restarting; console:\n" + server.consoleTail());
            }
            if (!server.isServing()) {
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            if (servingNanos == 0) {
                servingNanos = System.nanoTime();
            }
            byte[] data = tryRead();
            if (data != null) {
                return data;
            }
        }
        throw new IllegalStateException(server.kind().label() + " served no read within "
                + timeoutMillis + " ms; console:\n" + server.consoleTail());
    }

    /** When {@code srvr} first reported a mode (System.nanoTime()). */
    long servingNanos() {
        return servingNanos;
    }

    /** When the first getData returned (System.nanoTime()). */
    long readNanos() {
        return readNanos;
    }

    private byte[] tryRead() throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server.connectString(), SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(2, TimeUnit.SECONDS)) {
                return null;
            }
            byte[] data = zk.getData(path, false, null);
            // Before the close below, which waits for the server to end the session.
            readNanos = System.nanoTime();
            return data;
        } catch (KeeperException.ConnectionLossException
                | KeeperException.SessionExpiredException notYet) {
            return null;
        } catch (KeeperException e) {
            throw new IllegalStateException(server.kind().label() + " answered the first read "
                    + "of " + path + " with " + e.code(), e);
        } finally {
            zk.close(1_000);
        }
    }
}
