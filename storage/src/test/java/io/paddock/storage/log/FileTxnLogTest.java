package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTxnLogTest extends TxnLogContract {
    /** Small segments and preallocation, so the contract runs across many segment rolls. */
    private static final FileTxnLogOptions SMALL = FileTxnLogOptions.defaults()
            .withPreAllocSize(8192).withSegmentSizeLimit(64 << 10).withForceSync(false);

    @TempDir
    Path dir;

    @Override
    protected TxnLog newLog() throws Exception {
        return LogRecovery.open(dir, SMALL, CorruptionPolicy.REFUSE);
    }

    private FileTxnLog reopen() throws Exception {
        log.close();
        FileTxnLog reopened = LogRecovery.open(dir, SMALL, CorruptionPolicy.REFUSE);
        log = reopened;
        return reopened;
    }

    @Test
    void aReopenedLogHasEveryFlushedTxnAndContinuesAfterIt() throws Exception {
        List<Txn> first = appendRun(50);
        log.flush();
        appendRun(3);

        FileTxnLog reopened = reopen();
        assertEquals(FIRST + 49, reopened.lastFlushedZxid());
        assertEquals(first, drain(reopened.readFrom(0)));

        reopened.append(txn(FIRST + 50));
        reopened.flush();
        assertEquals(51, drain(reopened.readFrom(0)).size());
    }

    @Test
    void rollLogStartsANewSegmentAtTheNextAppend() throws Exception {
        FileTxnLog file = (FileTxnLog) log;
        appendRun(3);
        file.flush();
        file.rollLog();
        appendRun(2);
        file.flush();

        assertEquals(List.of(dir.resolve("log." + Long.toHexString(FIRST)),
                dir.resolve("log." + Long.toHexString(FIRST + 3))), file.segmentFiles());
        assertEquals(5, drain(file.readFrom(0)).size());
        assertEquals(List.of(txn(FIRST + 3), txn(FIRST + 4)), drain(file.readFrom(FIRST + 2)));
    }

    @Test
    void segmentsRollAtTheSizeLimitAreCutBackToTheirRecordsAndTheLastIsPreallocated()
            throws Exception {
        FileTxnLog file = (FileTxnLog) log;
        for (int i = 0; i < 300; i++) {
            file.append(new Txn(FIRST + i, 1, new byte[1000]));
        }
        file.flush();

        List<Path> segments = file.segmentFiles();
        assertTrue(segments.size() >= 4, segments.toString());
        for (Path segment : segments.subList(0, segments.size() - 1)) {
            long size = Files.size(segment);
            assertNotEquals(0, size % 8192, segment + " was cut back to its records: " + size);
            assertTrue(size <= (64 << 10), segment + " respects the limit: " + size);
        }
        Path open = segments.get(segments.size() - 1);
        assertEquals(0, Files.size(open) % 8192, open + " grows in preAllocSize blocks");
        assertEquals(300, drain(file.readFrom(0)).size());

        file.close();
        assertNotEquals(0, Files.size(open) % 8192, "closing cuts the open segment back too");
        log = LogRecovery.open(dir, FileTxnLogOptions.defaults(), CorruptionPolicy.REFUSE);
        assertEquals(300, drain(log.readFrom(0)).size());
        assertEquals(FIRST + 299, log.lastFlushedZxid());
    }

    @Test
    void forceSyncCountsFsyncsAndSlowOnesAboveTheThreshold() throws Exception {
        log.close();
        FileTxnLog synced = LogRecovery.open(dir,
                SMALL.withForceSync(true).withFsyncWarningThresholdMs(0), CorruptionPolicy.REFUSE);
        log = synced;
        appendRun(2);
        synced.flush();
        appendRun(2);
        synced.flush();

        assertTrue(synced.fsyncCount() >= 2, "fsyncs: " + synced.fsyncCount());
        assertEquals(synced.fsyncCount(), synced.slowFsyncCount(), "every fsync exceeds 0 ms");
    }

    @Test
    void theFsyncListenerHearsEveryFsyncWithItsDuration() throws Exception {
        log.close();
        List<Long> heard = new CopyOnWriteArrayList<>();
        FileTxnLog synced = LogRecovery.open(dir,
                SMALL.withForceSync(true).withFsyncListener(heard::add), CorruptionPolicy.REFUSE);
        log = synced;
        appendRun(2);
        synced.flush();
        synced.rollLog();
        appendRun(2);
        synced.flush();

        // The roll forces the old segment too, so three fsyncs in all.
        assertEquals(3, synced.fsyncCount());
        assertEquals(synced.fsyncCount(), heard.size());
        assertTrue(heard.stream().allMatch(n -> n >= 0), heard.toString());
        assertEquals(synced.lastFsyncNanos(), heard.get(heard.size() - 1));
    }

    @Test
    void bytesWrittenCountsRecordsAndSegmentHeadersOnceTheyReachTheFile() throws Exception {
        FileTxnLog file = (FileTxnLog) log;
        List<Txn> run = appendRun(5);
        assertEquals(0, file.bytesWritten(), "appended records wait in the buffer");
        file.flush();

        long records = run.stream().mapToLong(LogRecordCodec::encodedSize).sum();
        assertEquals(LogRecordCodec.SEGMENT_HEADER_SIZE + records, file.bytesWritten());
    }

    @Test
    void withoutForceSyncFlushDoesNotFsync() {
        FileTxnLog file = (FileTxnLog) log;
        appendRun(2);
        file.flush();

        assertEquals(0, file.fsyncCount());
    }

    @Test
    void aTxnLargerThanTheWriteBufferIsStoredWhole() throws Exception {
        Txn big = new Txn(FIRST, 5, new byte[600_000]);
        big.bytes()[599_999] = 42;
        log.append(big);
        log.flush();

        assertEquals(List.of(big), drain(reopen().readFrom(0)));
    }

    @Test
    void readsFromAnyZxidAreExactWhereverTheSparseIndexStartsThem() throws Exception {
        FileTxnLog file = (FileTxnLog) log;
        List<Txn> all = appendRun(5_000); // many marks and, with 64 KiB segments, many segments
        file.flush();
        assertTrue(file.indexMarks() >= 5_000 / SparseIndex.EVERY - 1, "marks from appends");
        assertEveryReadExact(file, all);

        // Segments written before a restart get their marks from the reads that pass them.
        FileTxnLog reopened = reopen();
        assertEquals(0, reopened.indexMarks());
        assertEquals(all, drain(reopened.readFrom(0)));
        assertTrue(reopened.indexMarks() >= 5_000 / SparseIndex.EVERY - 1, "marks from a read");
        assertEveryReadExact(reopened, all);
    }

    @Test
    void aTruncatedAndRewrittenLogIsNotReadThroughMarksOfTheRecordsItLost() throws Exception {
        FileTxnLog file = (FileTxnLog) log;
        appendRun(3_000);
        file.flush();
        long cut = FIRST + 1_000;
        file.truncateAfter(cut);
        // New txns (other bytes, same zxids) where the lost ones were.
        List<Txn> rewritten = new java.util.ArrayList<>();
        for (long z = cut + 1; z < FIRST + 3_000; z++) {
            Txn t = new Txn(z, 7, ("new-" + z).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            file.append(t);
            rewritten.add(t);
        }
        file.flush();
        assertEquals(rewritten.subList(1_500, rewritten.size()),
                drain(file.readFrom(cut + 1_500)));
        assertEquals(rewritten, drain(file.readFrom(cut)));
    }

    private static void assertEveryReadExact(FileTxnLog file, List<Txn> all) {
        for (int i = 0; i < all.size(); i += 97) {
            long after = all.get(i).zxid();
            List<Txn> read = drain(file.readFrom(after));
            assertEquals(all.size() - i - 1, read.size(), "after 0x" + Long.toHexString(after));
            if (!read.isEmpty()) {
                assertEquals(all.get(i + 1), read.get(0), "after 0x" + Long.toHexString(after));
                assertEquals(all.get(all.size() - 1), read.get(read.size() - 1));
            }
        }
        for (int k = 1; k <= 3; k++) {
            long mark = FIRST + (long) k * SparseIndex.EVERY - 1;
            assertEquals(all.get((int) (mark - FIRST) + 1), file.readFrom(mark).next(),
                    "right after a marked record");
            assertEquals(all.get((int) (mark - FIRST)), file.readFrom(mark - 1).next(),
                    "the marked record itself");
        }
    }
}
