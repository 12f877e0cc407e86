package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.testing.Timing;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Session life: timeouts negotiated, expiry, resumption and the ephemerals tied to it. */
abstract class SessionContract extends CompatTestBase {
    private static final int TICK = 100;
    private static final int SHORT_SESSION = 400;

    @Override
    protected ServerSettings settings() {
        return ServerSettings.defaults().withTickTime(TICK);
    }

    private int negotiated(String connectString, int requested) throws Exception {
        ZooKeeper zk = connect(connectString, requested, new EventRecorder());
        int timeout = zk.getSessionTimeout();
        zk.close();
        return timeout;
    }

    @Test
    void timeoutIsClampedBetweenTwoAndTwentyTicks() throws Exception {
        assertEquals(2 * TICK, negotiated(server.connectString(), 50));
        assertEquals(1000, negotiated(server.connectString(), 1000));
        assertEquals(20 * TICK, negotiated(server.connectString(), 100_000));
    }

    @Test
    void timeoutIsClampedToConfiguredBounds() throws Exception {
        ServerUnderTest bounded = startTracked(settings().withSessionTimeoutBounds(300, 900));
        assertEquals(300, negotiated(bounded.connectString(), 100));
        assertEquals(500, negotiated(bounded.connectString(), 500));
        assertEquals(900, negotiated(bounded.connectString(), 5000));
    }

    @Test
    void expiryDeletesEphemeralsAndFiresOtherSessionsWatches() throws Exception {
        EventRecorder observerEvents = new EventRecorder();
        ZooKeeper observer = connect(observerEvents);
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            EventRecorder ownerEvents = new EventRecorder();
            ZooKeeper owner = connect(proxy.connectString(), SHORT_SESSION, ownerEvents);
            assertEquals(SHORT_SESSION, owner.getSessionTimeout());
            create(owner, "/eph", "", CreateMode.EPHEMERAL);
            assertNotNull(observer.exists("/eph", true));

            proxy.cut();
            // The server must notice the silence on its own and end the session.
            assertEquals(EventType.NodeDeleted, observerEvents.next().getType());
            assertNull(observer.exists("/eph", false));

            proxy.restore();
            ownerEvents.awaitState(KeeperState.Expired);
        }
    }

    @Test
    void resumingWithIdAndPasswordKeepsTheSession() throws Exception {
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            EventRecorder firstEvents = new EventRecorder();
            ZooKeeper first = connect(proxy.connectString(), SESSION_TIMEOUT, firstEvents);
            create(first, "/mine", "", CreateMode.EPHEMERAL);
            long id = first.getSessionId();
            byte[] password = first.getSessionPasswd();
            proxy.cut();
            firstEvents.awaitState(KeeperState.Disconnected);

            EventRecorder resumedEvents = new EventRecorder();
            ZooKeeper resumed = new ZooKeeper(server.connectString(), SESSION_TIMEOUT, resumedEvents, id, password);
            track(resumed::close);
            resumedEvents.awaitState(KeeperState.SyncConnected);

            assertEquals(id, resumed.getSessionId());
            assertEquals(List.of("/mine"), resumed.getEphemerals());
            assertEquals(id, resumed.exists("/mine", false).getEphemeralOwner());
            create(resumed, "/also-mine", "", CreateMode.EPHEMERAL);
            resumed.close();

            ZooKeeper observer = connect();
            assertNull(observer.exists("/mine", false));
            assertNull(observer.exists("/also-mine", false));
        }
    }

    @Test
    void wrongPasswordExpiresTheSession() throws Exception {
        // The real client must reconnect before its session times out; at this class's 100 ms
        // tick sessions cap at 2 s, which a loaded CI machine overran, so this server allows 10 s.
        ServerUnderTest roomy = startTracked(settings().withSessionTimeoutBounds(200, 20_000));
        ZooKeeper zk = connect(roomy.connectString(), 10_000, new EventRecorder());
        create(zk, "/kept", "", CreateMode.EPHEMERAL);
        byte[] wrong = zk.getSessionPasswd().clone();
        wrong[0] ^= 0x5a;
        EventRecorder recorder = new EventRecorder();
        ZooKeeper impostor = new ZooKeeper(roomy.connectString(), SESSION_TIMEOUT, recorder,
                zk.getSessionId(), wrong);
        track(impostor::close);

        recorder.awaitState(KeeperState.Expired);
        // ZooKeeper drops the session's current connection before checking the password, so the
        // real client reconnects; its session and ephemerals are untouched.
        Timing.await(EventRecorder.WAIT).ignoreExceptions()
                .until(() -> zk.getEphemerals().equals(List.of("/kept")));
        assertEquals(zk.getSessionId(), zk.exists("/kept", false).getEphemeralOwner());
    }
}
