package io.paddock.server.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SessionTracker tracker = new SessionTracker(1, 100, now::get);

    @Test
    void sessionExpiresOnlyAfterItsTimeoutWithoutTouches() {
        long id = tracker.nextSessionId();
        tracker.add(id, 400);
        now.addAndGet(300);
        assertTrue(tracker.expired().isEmpty());
        now.addAndGet(200);
        List<Session> expired = tracker.expired();
        assertEquals(1, expired.size());
        assertEquals(id, expired.get(0).id());
        assertTrue(expired.get(0).isClosing());
        assertFalse(tracker.touch(id), "a closing session takes no more requests");
        assertTrue(tracker.expired().isEmpty(), "expiry is reported once");
    }

    @Test
    void touchPushesExpiryOut() {
        long id = tracker.nextSessionId();
        tracker.add(id, 400);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(300);
            assertTrue(tracker.touch(id));
            assertTrue(tracker.expired().isEmpty());
        }
    }

    @Test
    void passwordIsCheckedAndStable() {
        long id = tracker.nextSessionId();
        tracker.add(id, 400);
        byte[] password = tracker.passwordFor(id);
        assertArrayEquals(password, tracker.passwordFor(id));
        assertTrue(tracker.validate(id, password));
        byte[] wrong = password.clone();
        wrong[0] ^= 1;
        assertFalse(tracker.validate(id, wrong));
        assertFalse(tracker.validate(id + 1, password), "unknown session");
    }

    /** A learner adopting its leader's scheme: live sessions' passwords follow at once. */
    @Test
    void livePasswordsFollowASwitchOfScheme() {
        long id = tracker.nextSessionId();
        tracker.add(id, 400);
        byte[] before = tracker.passwordFor(id);
        tracker.usePasswords(SessionPasswords.zooKeeper());
        byte[] after = tracker.passwordFor(id);
        assertArrayEquals(SessionPasswords.zooKeeper().passwordFor(id), after);
        assertTrue(tracker.validate(id, after));
        assertFalse(tracker.validate(id, before), "the old scheme's password");
    }

    @Test
    void idsAreUniqueAndCarryServerId() {
        long a = tracker.nextSessionId();
        long b = tracker.nextSessionId();
        assertNotEquals(a, b);
        assertEquals(1, a >>> 56);
    }

    @Test
    void removedSessionNeverExpires() {
        long id = tracker.nextSessionId();
        tracker.add(id, 200);
        tracker.remove(id);
        now.addAndGet(10_000);
        assertTrue(tracker.expired().isEmpty());
        assertEquals(0, tracker.size());
    }
}
