package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForwardedStreamsTest {
    private static final long LEARNER = 2;
    private static final long SESSION = 0x42;

    @Test
    void aClientMaySendTheSameXidAgainWithinAPeriod() {
        // ZooKeeper does not ask xids to grow; the compat contracts send one xid many times.
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 7, false));
        assertTrue(streams.accept(LEARNER, 10, 2, SESSION, 7, false));
        assertTrue(streams.accept(LEARNER, 10, 3, SESSION, 5, false));
    }

    @Test
    void aNewPeriodsResendsOfTakenRequestsAreRefusedAndTheRestTaken() {
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 1, false));
        assertTrue(streams.accept(LEARNER, 10, 2, SESSION, 2, false));
        // The learner synced again with this leader and resends xids 1 to 3: 3 is new.
        assertFalse(streams.accept(LEARNER, 11, 1, SESSION, 1, true));
        assertFalse(streams.accept(LEARNER, 11, 2, SESSION, 2, true));
        assertTrue(streams.accept(LEARNER, 11, 3, SESSION, 3, true));
        assertTrue(streams.accept(LEARNER, 11, 4, SESSION, 3, false), "a client's own repeat of xid 3");
    }

    @Test
    void aNewRequestIsTakenInANewPeriodWhateverItsXid() {
        // A client that resumes its session with a new connection object starts its xids again:
        // right after its learner synced again with this leader, its first write must not be
        // taken for a resend of what the old client sent.
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 40, false));
        assertTrue(streams.accept(LEARNER, 11, 1, SESSION, 1, false));
        assertFalse(streams.accept(LEARNER, 12, 1, SESSION, 1, true),
                "a resend of xid 1, taken in period 11, is still refused");
    }

    @Test
    void aGapBreaksThePeriod() {
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 1, false));
        assertFalse(streams.accept(LEARNER, 10, 3, SESSION, 3, false));
        assertFalse(streams.accept(LEARNER, 10, 4, SESSION, 4, false));
        assertTrue(streams.accept(LEARNER, 11, 1, SESSION, 3, false));
    }

    @Test
    void aNewTermForgetsWhatWasTaken() {
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 9, false));
        streams.reset();
        assertTrue(streams.accept(LEARNER, 11, 1, SESSION, 9, false));
    }

    @Test
    void aClosedSessionIsForgotten() {
        ForwardedStreams streams = new ForwardedStreams();
        for (int i = 1; i <= 1_000; i++) {
            assertTrue(streams.accept(LEARNER, 10, i, SESSION + i, 1, false));
            assertTrue(streams.accept(3, 20, i, SESSION + 10_000 + i, 1, false));
            streams.sessionClosed(SESSION + i);
            streams.sessionClosed(SESSION + 10_000 + i);
        }
        assertEquals(0, streams.remembered(), "one entry per session ever forwarded: a leak");
        assertTrue(streams.accept(LEARNER, 10, 1_001, SESSION, 1, false));
        assertEquals(1, streams.remembered());
    }

    @Test
    void aLiveSessionsResendsAreStillRefusedAfterOthersClose() {
        ForwardedStreams streams = new ForwardedStreams();
        assertTrue(streams.accept(LEARNER, 10, 1, SESSION, 1, false));
        assertTrue(streams.accept(LEARNER, 10, 2, SESSION + 1, 1, false));
        streams.sessionClosed(SESSION + 1);
        assertFalse(streams.accept(LEARNER, 11, 1, SESSION, 1, true));
    }
}
