package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TxnLog} must have. Each implementation's test extends this class and
 * says how to build a fresh, empty log.
 */
public abstract class TxnLogContract {

    /** 0x100000001: epoch 1, counter 1, as the first txn of a leader's first epoch. */
    protected static final long FIRST = (1L << 32) | 1;

    protected TxnLog log;

    /** A new, empty, open log. Called once before each test. */
    protected abstract TxnLog newLog() throws Exception;

    @BeforeEach
    void openLog() throws Exception {
        log = newLog();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    protected static Txn txn(long zxid) {
        return new Txn(zxid, (int) (zxid % 20) - 1,
                ("txn-" + Long.toHexString(zxid)).getBytes(StandardCharsets.UTF_8));
    }

    protected static List<Txn> drain(Iterator<Txn> iterator) {
        List<Txn> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    /** Appends txns with zxids FIRST .. FIRST + count - 1 and returns them. */
    protected List<Txn> appendRun(int count) {
        List<Txn> appended = new ArrayList<>();
        long start = log.lastAppendedZxid() == 0 ? FIRST : log.lastAppendedZxid() + 1;
        for (int i = 0; i < count; i++) {
            Txn txn = txn(start + i);
            log.append(txn);
            appended.add(txn);
        }
        return appended;
    }

    @Test
    void emptyLogHasNothing() {
        assertEquals(0, log.lastAppendedZxid());
        assertEquals(0, log.lastFlushedZxid());
        assertFalse(log.readFrom(0).hasNext());
    }

    @Test
    void appendedTxnsAreNotReadableUntilFlushed() {
        appendRun(3);

        assertEquals(FIRST + 2, log.lastAppendedZxid());
        assertEquals(0, log.lastFlushedZxid());
        assertFalse(log.readFrom(0).hasNext());
    }

    @Test
    void flushMakesEveryAppendedTxnReadableInOrderWithItsContent() {
        List<Txn> appended = appendRun(5);
        log.flush();

        assertEquals(FIRST + 4, log.lastFlushedZxid());
        assertEquals(appended, drain(log.readFrom(0)));
    }

    @Test
    void readFromIsExclusiveOfItsZxid() {
        List<Txn> appended = appendRun(5);
        log.flush();

        assertEquals(appended.subList(3, 5), drain(log.readFrom(FIRST + 2)));
        assertEquals(List.of(), drain(log.readFrom(FIRST + 4)));
        assertEquals(List.of(), drain(log.readFrom(FIRST + 100)));
        assertEquals(appended, drain(log.readFrom(FIRST - 1)));
    }

    @Test
    void readFromAZxidInAGapStartsAtTheNextTxn() {
        log.append(txn(10));
        log.append(txn(20));
        log.append(txn(30));
        log.flush();

        assertEquals(List.of(txn(20), txn(30)), drain(log.readFrom(15)));
    }

    @Test
    void zxidsAcrossEpochsKeepTheirOrder() {
        long lastOfEpoch1 = (1L << 32) | 0xffff_fffeL;
        long firstOfEpoch2 = (2L << 32) | 1;
        log.append(txn(lastOfEpoch1));
        log.append(txn(firstOfEpoch2));
        log.flush();

        assertEquals(List.of(txn(lastOfEpoch1), txn(firstOfEpoch2)), drain(log.readFrom(0)));
        assertEquals(List.of(txn(firstOfEpoch2)), drain(log.readFrom(lastOfEpoch1)));
    }

    @Test
    void readsOnlyUpToTheLastFlush() {
        List<Txn> flushed = appendRun(3);
        log.flush();
        appendRun(2);

        assertEquals(FIRST + 4, log.lastAppendedZxid());
        assertEquals(FIRST + 2, log.lastFlushedZxid());
        assertEquals(flushed, drain(log.readFrom(0)));
    }

    @Test
    void anIteratorEndsWhereTheFlushedLogEndedWhenItWasCreated() {
        List<Txn> before = appendRun(3);
        log.flush();
        Iterator<Txn> iterator = log.readFrom(0);

        appendRun(3);
        log.flush();

        assertEquals(before, drain(iterator));
    }

    @Test
    void rejectsAZxidThatDoesNotIncrease() {
        appendRun(2);

        assertThrows(IllegalArgumentException.class, () -> log.append(txn(FIRST + 1)));
        assertThrows(IllegalArgumentException.class, () -> log.append(txn(FIRST)));
        log.flush();
        assertEquals(FIRST + 1, log.lastAppendedZxid());
        assertEquals(List.of(txn(FIRST), txn(FIRST + 1)), drain(log.readFrom(0)));
    }

    @Test
    void rejectsZeroAndNegativeZxids() {
        assertThrows(IllegalArgumentException.class, () -> log.append(txn(0)));
        assertThrows(IllegalArgumentException.class, () -> log.append(txn(-5)));
        assertEquals(0, log.lastAppendedZxid());
    }

    @Test
    void flushWithNothingNewKeepsTheLogAsItIs() {
        List<Txn> appended = appendRun(2);
        log.flush();
        log.flush();

        assertEquals(FIRST + 1, log.lastFlushedZxid());
        assertEquals(appended, drain(log.readFrom(0)));
    }

    @Test
    void flushOnAnEmptyLogIsAllowed() {
        log.flush();

        assertEquals(0, log.lastFlushedZxid());
    }

    @Test
    void aClosedLogRefusesWritesAndClosesTwiceQuietly() {
        appendRun(1);
        log.close();

        assertThrows(IllegalStateException.class, () -> log.append(txn(FIRST + 10)));
        assertThrows(IllegalStateException.class, log::flush);
        log.close();
    }

    @Test
    void firstZxidIsTheOldestTxnAppendedOr0() {
        assertEquals(0, log.firstZxid());
        appendRun(3);
        assertEquals(FIRST, log.firstZxid(), "appended, not yet flushed");
        log.flush();
        appendRun(2);

        assertEquals(FIRST, log.firstZxid());
    }

    @Test
    void truncateAfterKeepsTheTxnsUpToTheZxidAndMakesThemTheEnd() {
        List<Txn> appended = appendRun(10);
        log.flush();

        log.truncateAfter(FIRST + 5);

        assertEquals(FIRST + 5, log.lastAppendedZxid());
        assertEquals(FIRST + 5, log.lastFlushedZxid());
        assertEquals(FIRST, log.firstZxid());
        assertEquals(appended.subList(0, 6), drain(log.readFrom(0)));
        assertEquals(appended.subList(4, 6), drain(log.readFrom(FIRST + 3)));
        assertEquals(List.of(), drain(log.readFrom(FIRST + 5)));
    }

    @Test
    void truncateAfterRemovesUnflushedTxnsAndMakesTheKeptOnesDurable() {
        List<Txn> appended = appendRun(3);
        log.flush();
        appended.addAll(appendRun(4));

        log.truncateAfter(FIRST + 4);

        assertEquals(FIRST + 4, log.lastAppendedZxid());
        assertEquals(FIRST + 4, log.lastFlushedZxid(), "the kept unflushed txns are flushed");
        assertEquals(appended.subList(0, 5), drain(log.readFrom(0)));
    }

    @Test
    void appendsAfterATruncationGoOnAboveTheKeptZxidReusingRemovedOnes() {
        appendRun(10);
        log.flush();
        log.truncateAfter(FIRST + 2);

        assertThrows(IllegalArgumentException.class, () -> log.append(txn(FIRST + 2)));
        Txn replacement = new Txn(FIRST + 3, 7, "other".getBytes(StandardCharsets.UTF_8));
        log.append(replacement);
        log.append(txn((2L << 32) | 1));
        log.flush();

        assertEquals(List.of(txn(FIRST), txn(FIRST + 1), txn(FIRST + 2), replacement,
                txn((2L << 32) | 1)), drain(log.readFrom(0)));
        assertEquals((2L << 32) | 1, log.lastFlushedZxid());
    }

    @Test
    void truncatingAtOrAfterTheLastTxnRemovesNothingAndFlushes() {
        List<Txn> appended = appendRun(4);

        log.truncateAfter(FIRST + 3);
        assertEquals(FIRST + 3, log.lastFlushedZxid());
        log.truncateAfter(FIRST + 100);

        assertEquals(FIRST + 3, log.lastAppendedZxid());
        assertEquals(appended, drain(log.readFrom(0)));
    }

    @Test
    void truncatingInAGapKeepsTheTxnBeforeIt() {
        log.append(txn(10));
        log.append(txn(20));
        log.append(txn(30));
        log.flush();

        log.truncateAfter(25);

        assertEquals(20, log.lastAppendedZxid());
        assertEquals(20, log.lastFlushedZxid());
        assertEquals(List.of(txn(10), txn(20)), drain(log.readFrom(0)));
    }

    @Test
    void truncatingBelowTheFirstTxnEmptiesTheLog() {
        log.append(txn(10));
        log.append(txn(20));
        log.flush();

        log.truncateAfter(5);

        assertEquals(0, log.lastAppendedZxid());
        assertEquals(0, log.lastFlushedZxid());
        assertEquals(0, log.firstZxid());
        assertFalse(log.readFrom(0).hasNext());
        log.append(txn(7));
        log.flush();
        assertEquals(List.of(txn(7)), drain(log.readFrom(0)));
        assertEquals(7, log.firstZxid());
    }

    @Test
    void truncatingAfter0EmptiesTheLog() {
        appendRun(3);
        log.flush();

        log.truncateAfter(0);

        assertEquals(0, log.lastFlushedZxid());
        assertFalse(log.readFrom(0).hasNext());
    }

    @Test
    void truncatingAcrossAnEpochKeepsTheOlderEpoch() {
        long lastOfEpoch1 = (1L << 32) | 9;
        log.append(txn(lastOfEpoch1));
        log.append(txn((2L << 32) | 1));
        log.append(txn((2L << 32) | 2));
        log.flush();

        log.truncateAfter(2L << 32);

        assertEquals(lastOfEpoch1, log.lastFlushedZxid());
        assertEquals(List.of(txn(lastOfEpoch1)), drain(log.readFrom(0)));
    }

    @Test
    void truncateRejectsANegativeZxidAndAClosedLog() {
        appendRun(2);
        log.flush();

        assertThrows(IllegalArgumentException.class, () -> log.truncateAfter(-1));
        assertEquals(FIRST + 1, log.lastFlushedZxid());
        log.close();
        assertThrows(IllegalStateException.class, () -> log.truncateAfter(FIRST));
    }

    @Test
    void concurrentReadersSeeAGaplessFlushedPrefix() throws Exception {
        int total = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(new Thread(() -> readUntil(FIRST + total - 1, failure), "reader-" + r));
        }
        readers.forEach(Thread::start);
        for (int i = 0; i < total; i++) {
            log.append(txn(FIRST + i));
            if (i % 7 == 6 || i == total - 1) {
                log.flush();
            }
        }
        for (Thread reader : readers) {
            assertTrue(Timing.join(reader, Duration.ofSeconds(60)), reader.getName() + " is stuck");
        }

        if (failure.get() != null) {
            throw new AssertionError("a reader failed", failure.get());
        }
    }

    /** Reads the whole log over and over until it reaches {@code lastZxid}, checking each read. */
    private void readUntil(long lastZxid, AtomicReference<Throwable> failure) {
        try {
            long seen = 0;
            while (seen < lastZxid) {
                long flushedBefore = log.lastFlushedZxid();
                long readUpTo = 0;
                Iterator<Txn> iterator = log.readFrom(0);
                while (iterator.hasNext()) {
                    Txn txn = iterator.next();
                    long expected = readUpTo == 0 ? FIRST : readUpTo + 1;
                    assertEquals(txn(expected), txn, "gapless, in order, intact");
                    readUpTo = txn.zxid();
                }
                assertTrue(readUpTo >= flushedBefore,
                        "read up to 0x" + Long.toHexString(readUpTo) + " though 0x"
                                + Long.toHexString(flushedBefore) + " was flushed before the read");
                assertTrue(readUpTo <= log.lastFlushedZxid(), "never reads past the flushed zxid");
                seen = Math.max(seen, readUpTo);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
