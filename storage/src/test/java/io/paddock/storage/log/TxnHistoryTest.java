package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a leader needs for DIFF: committed txns after a zxid, from memory or disk, and whether. */
class TxnHistoryTest {
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults()
            .withPreAllocSize(8192).withForceSync(false);

    @TempDir
    Path dir;

    private FileTxnLog log;
    private CommittedWindow window;
    private TxnHistory history;

    private static Txn txn(long zxid) {
        return new Txn(zxid, 1, new byte[] {(byte) zxid});
    }

    private static List<Long> zxids(Iterator<Txn> it) {
        List<Long> out = new ArrayList<>();
        it.forEachRemaining(t -> out.add(t.zxid()));
        return out;
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> out = new ArrayList<>();
        for (long z = fromInclusive; z <= toInclusive; z++) {
            out.add(z);
        }
        return out;
    }

    /** 100 committed txns in four segments of 25; the window holds the newest 10. */
    @BeforeEach
    void commit100() throws Exception {
        log = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE);
        window = new CommittedWindow(10, 1 << 20, 0);
        for (long z = 1; z <= 100; z++) {
            if (z % 25 == 1) {
                log.rollLog();
            }
            log.append(txn(z));
            window.add(txn(z));
        }
        log.flush();
        history = new TxnHistory(window, log);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void recentTxnsComeFromMemoryOlderOnesFromTheSegments() throws Exception {
        assertEquals(90, window.coveredAfter());
        assertEquals(1, log.firstZxid());

        assertEquals(range(51, 100), zxids(history.readFrom(50)), "from disk");
        for (Path segment : log.segmentFiles()) {
            Files.delete(segment);
        }
        assertEquals(range(91, 100), zxids(history.readFrom(90)), "from memory: no file read");
        assertEquals(List.of(), zxids(history.readFrom(100)));
    }

    @Test
    void servesAfterSaysWhetherEveryLaterTxnIsInMemoryOrInTheLog() {
        assertTrue(history.servesAfter(95), "in the window");
        assertTrue(history.servesAfter(90), "the window's first txn is 91");
        assertTrue(history.servesAfter(40), "in the log");
        assertTrue(history.servesAfter(1));
        assertFalse(history.servesAfter(0), "the log cannot show that nothing precedes txn 1");
        assertTrue(history.servesAfter(100), "nothing after the last committed: an empty DIFF");
        assertFalse(history.servesAfter(101), "ahead of the history: not a DIFF");
    }

    @Test
    void afterRetentionDropsOldSegmentsOnlyTheirTxnsNeedASnapshot() throws Exception {
        Files.delete(log.segmentFiles().get(0));
        Files.delete(log.segmentFiles().get(1));
        log.forgetSegmentsBefore(51);

        assertEquals(51, log.firstZxid());
        assertFalse(history.servesAfter(30), "txns 31..50 are gone: SNAP");
        assertTrue(history.servesAfter(51));
        assertEquals(range(52, 100), zxids(history.readFrom(51)));
    }
}
