package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.message.Commit;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Snap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SNAP message and its stream meet in either order; the leader's later messages wait for both. */
class SnapHoldTest {
    private static final Snap SNAP = new Snap(3, 1, 0x2_0000_0005L);

    @TempDir
    Path dir;

    private final SnapHold hold = new SnapHold();

    @Test
    void aSnapBeforeItsStreamHoldsTheLeadersLaterMessagesAndReleasesThemInOrder() throws Exception {
        assertTrue(hold.hold(SNAP));
        assertTrue(hold.hold(new NewLeader(3, 1, 2, 0x2_0000_0005L)));
        assertTrue(hold.hold(new Commit(3, 1, 0x2_0000_0005L)));
        assertFalse(hold.hold(new Ping(2, 1)), "other peers are not held");

        assertEquals(List.of(), hold.arrived(3, 0x1_0000_0009L, file("old")), "not this SNAP's stream");
        Path stream = file("new");
        assertEquals(List.of(SNAP, new NewLeader(3, 1, 2, 0x2_0000_0005L), new Commit(3, 1, 0x2_0000_0005L)),
                hold.arrived(3, SNAP.zxid(), stream));
        assertFalse(hold.hold(new Ping(3, 1)), "the hold is over");
        assertEquals(stream, hold.take(SNAP).file());
        assertFalse(Files.exists(dir.resolve("old")), "the stale stream's file is gone");
    }

    @Test
    void aStreamBeforeItsSnapLetsTheSnapThroughAtOnce() throws Exception {
        Path stream = file("s");
        assertEquals(List.of(), hold.arrived(3, SNAP.zxid(), stream));
        assertFalse(hold.hold(SNAP));
        assertEquals(stream, hold.take(SNAP).file());
        assertNull(hold.take(SNAP), "taken once");
    }

    @Test
    void aDisconnectEndsTheHoldAndDropsWhatWasHeld() throws Exception {
        hold.hold(SNAP);
        hold.hold(new Commit(3, 1, 7));
        hold.abandon(3);
        assertEquals(0, hold.waitingOn());
        assertFalse(hold.hold(new Ping(3, 1)));
        assertEquals(List.of(), hold.arrived(3, SNAP.zxid(), file("late")), "nothing waits for it now");
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), name);
    }
}
