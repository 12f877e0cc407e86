package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommittedWindowTest {

    private static Txn txn(long zxid, int size) {
        return new Txn(zxid, 1, new byte[size]);
    }

    private static List<Long> zxids(Iterator<Txn> it) {
        List<Long> out = new ArrayList<>();
        it.forEachRemaining(t -> out.add(t.zxid()));
        return out;
    }

    @Test
    void keepsTheNewestWithinTheCount() {
        CommittedWindow w = new CommittedWindow(3, 1 << 20, 0);
        for (long z = 1; z <= 5; z++) {
            w.add(txn(z, 10));
        }

        assertEquals(3, w.size());
        assertEquals(2, w.coveredAfter());
        assertEquals(List.of(3L, 4L, 5L), zxids(w.readFrom(2).orElseThrow()));
        assertEquals(List.of(5L), zxids(w.readFrom(4).orElseThrow()));
        assertFalse(w.readFrom(1).isPresent(), "txn 2 was evicted");
    }

    @Test
    void keepsTheNewestWithinTheByteBoundButAlwaysTheLast() {
        CommittedWindow w = new CommittedWindow(100, 250, 0);
        w.add(txn(1, 100));
        w.add(txn(2, 100));
        w.add(txn(3, 100));
        assertEquals(200, w.byteSize());
        w.add(txn(4, 1000));

        assertEquals(1, w.size());
        assertEquals(List.of(4L), zxids(w.readFrom(3).orElseThrow()));
    }

    @Test
    void rejectsAZxidThatDoesNotIncrease() {
        CommittedWindow w = new CommittedWindow(3, 100, 7);

        assertThrows(IllegalArgumentException.class, () -> w.add(txn(7, 1)));
    }

    @Test
    void historyReadsFromTheWindowOrFallsBackToTheLogUpToTheLastCommitted() {
        MemoryTxnLog log = new MemoryTxnLog();
        CommittedWindow w = new CommittedWindow(2, 1 << 20, 0);
        for (long z = 1; z <= 6; z++) {
            log.append(txn(z, 1));
            if (z <= 5) {
                w.add(txn(z, 1));
            }
        }
        log.flush();
        TxnHistory history = new TxnHistory(w, log);

        assertEquals(List.of(5L), zxids(history.readFrom(4)), "from memory");
        assertEquals(List.of(2L, 3L, 4L, 5L), zxids(history.readFrom(1)),
                "from the log, not past the last committed");
        assertTrue(zxids(history.readFrom(5)).isEmpty());
    }
}
