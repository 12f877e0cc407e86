package io.paddock.zab.peer;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history's marks: delivery only of committed and durable txns, in order, each once. */
class HistoryTest {
    private final MemoryLog log = new MemoryLog();
    private final Outbox outbox = new Outbox();

    private static Proposal txn(long counter) {
        return TestPeer.txn(make(1, counter));
    }

    private static List<Long> zxids(List<Proposal> txns) {
        return txns.stream().map(Proposal::zxid).toList();
    }

    private History logged(long lastApplied, long... counters) {
        for (long c : counters) {
            log.append(txn(c));
        }
        log.flush();
        return new History(log, lastApplied, outbox);
    }

    @Test
    void deliversOnlyWhatIsBothCommittedAndDurableInOrder() {
        History history = logged(0);
        history.append(txn(1));
        history.append(txn(2));
        history.append(txn(3));

        history.commitUpTo(make(1, 3));
        history.deliver();
        assertEquals(List.of(), outbox.drain().toCommit(), "committed, not durable");

        history.persisted(make(1, 2));
        history.deliver();
        assertEquals(List.of(make(1, 1), make(1, 2)), zxids(outbox.drain().toCommit()));

        history.persisted(make(1, 3));
        history.deliver();
        history.deliver();
        assertEquals(List.of(make(1, 3)), zxids(outbox.drain().toCommit()), "each once");
        assertEquals(make(1, 3), history.delivered());
    }

    @Test
    void aRestartDeliversItsLoggedBacklogFromTheLogOnlyOnceCommitted() {
        History history = logged(make(1, 2), 1, 2, 3, 4, 5);
        assertEquals(make(1, 5), history.last());
        assertEquals(make(1, 5), history.durable());

        history.deliver();
        assertTrue(outbox.drain().toCommit().isEmpty(), "logged above lastApplied: not yet known committed");
        history.commitUpTo(make(1, 4));
        history.deliver();

        assertEquals(List.of(make(1, 3), make(1, 4)), zxids(outbox.drain().toCommit()));
    }

    @Test
    void truncationDropsAppendsNotYetHandedOverAndLaterReportsAboutThem() {
        History history = logged(0, 1, 2);
        history.append(txn(3));

        history.truncate(make(1, 1));
        Ready ready = outbox.drain();

        assertEquals(make(1, 1), ready.truncateAfter());
        assertEquals(List.of(), ready.toPersist(), "the append above the truncation point is gone");
        assertEquals(make(1, 1), history.last());
        history.append(TestPeer.txn(make(2, 1)));
        history.persisted(make(1, 3));
        assertEquals(make(1, 1), history.durable(), "a stale report does not cover the new txn");
    }

    @Test
    void committedTxnsAreNeverTruncated() {
        History history = logged(0, 1, 2);
        history.commitUpTo(make(1, 2));

        assertThrows(IllegalStateException.class, () -> history.truncate(make(1, 1)));
    }

    @Test
    void floorAndContainsSpanTheLogAndTheUnflushedTail() {
        History history = logged(0, 1, 3);
        history.append(txn(5));
        history.append(txn(7));

        assertTrue(history.contains(make(1, 3)));
        assertTrue(history.contains(make(1, 5)));
        assertFalse(history.contains(make(1, 4)));
        assertFalse(history.contains(make(1, 8)));
        assertEquals(make(1, 3), history.floor(make(1, 4)));
        assertEquals(make(1, 5), history.floor(make(1, 6)));
        assertEquals(make(1, 7), history.floor(make(2, 1)));
        assertEquals(List.of(make(1, 3), make(1, 5), make(1, 7)), zxids(history.readAfter(make(1, 1), 10)));
        assertEquals(List.of(make(1, 3), make(1, 5)), zxids(history.readAfter(make(1, 1), 2)));
    }

    @Test
    void aCompactedLogCannotServeOldReads() {
        History history = logged(0, 1, 2, 3);
        log.compactThrough(make(1, 2));

        assertNull(history.readAfter(make(1, 1), 10));
        assertEquals(0, history.floor(make(1, 1)));
        assertEquals(List.of(make(1, 3)), zxids(history.readAfter(make(1, 2), 10)));
    }

    @Test
    void aSnapshotReplacesTheHistoryAndPersistenceReportedEarlyCountsOnceInstalled() {
        History history = logged(0, 1);
        history.append(txn(2));

        history.loadSnapshot(make(1, 5));
        history.append(txn(6));
        history.persisted(make(1, 6));
        history.commitUpTo(make(1, 6));
        history.deliver();
        Ready load = outbox.drain();
        assertEquals(make(1, 5), load.snapshotToLoad());
        assertEquals(List.of(make(1, 6)), zxids(load.toPersist()), "the older append is replaced");
        assertEquals(List.of(), load.toCommit());

        history.snapshotInstalled(make(1, 5));
        history.deliver();

        assertEquals(List.of(make(1, 6)), zxids(outbox.drain().toCommit()));
        assertEquals(make(1, 6), history.delivered());
    }
}
