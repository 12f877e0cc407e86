package io.paddock.zab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.storage.log.MemoryTxnLog;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.Proposal;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log view shows flushed txns only, and knows where an emptied log starts again. */
class StorageLogViewTest {
    private final MemoryTxnLog log = new MemoryTxnLog();

    @Test
    void onlyFlushedTxnsAreVisible() {
        StorageLogView view = new StorageLogView(log, 0);
        log.append(new Txn(1, 0, new byte[] {1}));
        log.append(new Txn(2, 0, new byte[] {2}));
        assertEquals(0, view.lastLogged());
        assertEquals(List.of(), view.readAfter(0, 10));

        log.flush();
        assertEquals(2, view.lastLogged());
        assertEquals(List.of(new Proposal(1, 0, new byte[] {1}), new Proposal(2, 0, new byte[] {2})),
                view.readAfter(0, 10));
    }

    @Test
    void afterASnapshotTheLogServesEveryZxidFromTheSnapshotOn() {
        StorageLogView view = new StorageLogView(log, 0);
        append(1, 2, 3);
        log.truncateAfter(0);
        view.restartAt(10);
        append(11, 12);

        assertEquals(List.of(11L, 12L), zxids(view.readAfter(10, 10)), "from the snapshot's zxid");
        assertEquals(List.of(12L), zxids(view.readAfter(11, 10)));
        assertNull(view.readAfter(9, 10), "older than the snapshot: only a SNAP brings a peer there");
        assertEquals(0, view.floor(9));
        assertEquals(11, view.floor(11));
    }

    @Test
    void anEmptyLogAfterASnapshotHasNothingToSendFromTheSnapshotOn() {
        StorageLogView view = new StorageLogView(log, 0);
        view.restartAt(10);
        assertEquals(List.of(), view.readAfter(10, 10));
        assertEquals(List.of(), view.readAfter(12, 10));
    }

    @Test
    void withAnUnknownStartOnlyTheLogsOwnFirstZxidCounts() {
        StorageLogView view = new StorageLogView(log);
        append(5, 6);
        assertNull(view.readAfter(4, 10), "the txns before 5 may have been purged");
        assertEquals(List.of(6L), zxids(view.readAfter(5, 10)));
    }

    /** The log, counting how often a read starts from the head of a segment. */
    private static final class CountingLog extends ForwardingTxnLog {
        int reads;

        CountingLog(TxnLog delegate) {
            super(delegate);
        }

        @Override
        public Iterator<Txn> readFrom(long zxidExclusive) {
            reads++;
            return delegate.readFrom(zxidExclusive);
        }
    }

    @Test
    void chunkedReadsContinueWhereTheLastOneStoppedInsteadOfScanningAgain() {
        CountingLog counting = new CountingLog(log);
        StorageLogView view = new StorageLogView(counting, 0);
        for (long z = 1; z <= 1000; z++) {
            log.append(new Txn(z, 0, new byte[] {(byte) z}));
        }
        log.flush();
        List<Long> seen = new java.util.ArrayList<>();
        long at = 0;
        for (List<Proposal> chunk = view.readAfter(at, 100); !chunk.isEmpty();
                chunk = view.readAfter(at, 100)) {
            seen.addAll(zxids(chunk));
            at = seen.get(seen.size() - 1);
        }
        assertEquals(1000, seen.size());
        assertEquals(1000L, seen.get(999));
        assertEquals(1, counting.reads, "one scan for all ten chunks");

        assertEquals(List.of(501L), zxids(view.readAfter(500, 1)), "any other start reads afresh");
    }

    @Test
    void aTruncationMakesTheNextReadStartAfresh() {
        StorageLogView view = new StorageLogView(log, 0);
        append(1, 2, 3, 4, 5);
        assertEquals(List.of(1L, 2L, 3L), zxids(view.readAfter(0, 3)));
        log.truncateAfter(2);
        view.forgetCursor();
        log.append(new Txn(3, 0, new byte[] {33}));
        log.flush();

        List<Proposal> after = view.readAfter(2, 10);
        assertEquals(List.of(new Proposal(3, 0, new byte[] {33})), after);
    }

    private void append(long... zxids) {
        for (long z : zxids) {
            log.append(new Txn(z, 0, new byte[0]));
        }
        log.flush();
    }

    private static List<Long> zxids(List<Proposal> proposals) {
        return proposals.stream().map(Proposal::zxid).toList();
    }
}
