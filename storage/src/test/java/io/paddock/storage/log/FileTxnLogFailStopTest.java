package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageFailureException;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After any I/O error the log stops: nothing is retried, acknowledged or appended. */
class FileTxnLogFailStopTest {
    private static final long FIRST = (1L << 32) | 1;
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults()
            .withPreAllocSize(8192).withSegmentSizeLimit(64 << 10).withForceSync(true);

    @TempDir
    Path dir;

    private final FaultyLogIo io = new FaultyLogIo();
    private FileTxnLog log;

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    private FileTxnLog openLog() throws IOException {
        log = new FileTxnLog(dir, LogRecovery.recover(dir, CorruptionPolicy.REFUSE).segments(),
                OPTIONS, io);
        return log;
    }

    private static Txn txn(long zxid) {
        return new Txn(zxid, 1, ("txn-" + zxid).getBytes(StandardCharsets.UTF_8));
    }

    private void appendRun(long from, int count) {
        for (int i = 0; i < count; i++) {
            log.append(txn(from + i));
        }
    }

    private Path segment(long firstZxid) {
        return dir.resolve(LogRecordCodec.segmentName(firstZxid));
    }

    @Test
    void aFailedFsyncKeepsTheFlushedZxidAndIsNeverRetried() throws Exception {
        openLog();
        appendRun(FIRST, 3);
        log.flush();
        appendRun(FIRST + 3, 2);
        io.failEvery("force");
        long forcesBefore = io.count("force");

        StorageFailureException first = assertThrows(StorageFailureException.class, log::flush);

        assertEquals("fsync", first.operation());
        assertEquals(segment(FIRST), first.file());
        assertTrue(first.getMessage().contains("fsync of " + segment(FIRST)), first.getMessage());
        assertTrue(first.getCause() instanceof IOException);
        assertEquals(FIRST + 2, log.lastFlushedZxid(), "nothing unsynced is reported durable");
        assertEquals(forcesBefore + 1, io.count("force"));

        io.failEvery(null);
        StorageFailureException second = assertThrows(StorageFailureException.class, log::flush);
        assertSame(first, second.getCause());
        assertTrue(second.getMessage().contains(segment(FIRST).toString()), second.getMessage());
        assertEquals(forcesBefore + 1, io.count("force"), "no second fsync: never retried");
        assertEquals(FIRST + 2, log.lastFlushedZxid());
        assertThrows(StorageFailureException.class, () -> log.append(txn(FIRST + 5)));
        assertThrows(StorageFailureException.class, () -> log.truncateAfter(FIRST));
        assertSame(first, log.failure().orElseThrow());
    }

    @Test
    void aFailedWriteFailsTheFlushAndTheLog() throws Exception {
        openLog();
        appendRun(FIRST, 2);
        io.failEvery("write");

        StorageFailureException e = assertThrows(StorageFailureException.class, log::flush);

        assertEquals("write", e.operation());
        assertEquals(segment(FIRST), e.file());
        assertEquals(0, log.lastFlushedZxid());
        io.failEvery(null);
        assertThrows(StorageFailureException.class, log::flush);
        assertEquals(0, io.count("force"), "a failed write is never fsynced and acknowledged");
    }

    @Test
    void aFailedDirectoryFsyncAtASegmentRollFailsTheAppend() throws Exception {
        openLog();
        appendRun(FIRST, 2);
        log.flush();
        log.rollLog();
        io.failEvery("syncDirectory");

        StorageFailureException e = assertThrows(StorageFailureException.class,
                () -> log.append(txn(FIRST + 2)));

        assertEquals("fsync directory", e.operation());
        assertEquals(dir, e.file());
        assertEquals(FIRST + 1, log.lastAppendedZxid());
        assertEquals(FIRST + 1, log.lastFlushedZxid());
        io.failEvery(null);
        assertThrows(StorageFailureException.class, () -> log.append(txn(FIRST + 3)));
    }

    @Test
    void aFailedSegmentCreateFailsTheAppend() throws Exception {
        openLog();
        io.failEvery("open");

        StorageFailureException e = assertThrows(StorageFailureException.class,
                () -> log.append(txn(FIRST)));

        assertEquals("create", e.operation());
        assertEquals(segment(FIRST), e.file());
        assertEquals(0, log.lastAppendedZxid());
    }

    @Test
    void aFailedLogClosesWithoutTouchingItsFilesAndRecoveryKeepsWhatWasSynced()
            throws Exception {
        openLog();
        appendRun(FIRST, 4);
        log.flush();
        long sizeAtFailure = Files.size(segment(FIRST));
        appendRun(FIRST + 4, 2);
        io.failEvery("force");
        assertThrows(StorageFailureException.class, log::flush);
        long stepsBefore = io.stepCount();

        log.close();

        assertEquals(stepsBefore, io.stepCount(), "close neither writes nor truncates");
        assertTrue(Files.size(segment(FIRST)) >= sizeAtFailure);
        List<Txn> recovered = new ArrayList<>();
        try (FileTxnLog reopened = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE)) {
            reopened.readFrom(0).forEachRemaining(recovered::add);
        }
        assertTrue(recovered.size() >= 4, "every synced txn is there: " + recovered);
        assertEquals(txn(FIRST + 3), recovered.get(3));
    }
}
