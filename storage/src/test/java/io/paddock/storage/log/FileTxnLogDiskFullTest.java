package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageFailureException;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log disk that fills up (ENOSPC) in the middle of a group commit: the write that crosses the
 * limit lands partly, as a short write does, then fails. The log stops; nothing after the last
 * fsync is acknowledged; one log line names the segment file; and once space is freed, recovery
 * cuts the half-written record and every acknowledged txn reads back byte for byte.
 */
class FileTxnLogDiskFullTest {
    private static final long FIRST = (1L << 32) | 1;
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults()
            .withPreAllocSize(8192).withSegmentSizeLimit(1 << 20).withForceSync(true);

    @TempDir
    Path dir;

    private final FaultyLogIo io = new FaultyLogIo();

    private static Txn txn(long zxid) {
        return new Txn(zxid, 1, ("txn-" + zxid + "-" + "x".repeat((int) (zxid % 97)))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @param room bytes the disk still takes once ten txns are acknowledged */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, 16, 21, 100, 333})
    void aFullDiskStopsTheLogAndLosesNothingAcknowledged(long room) throws IOException {
        Path segment = dir.resolve(LogRecordCodec.segmentName(FIRST));
        List<Txn> acknowledged = new ArrayList<>();
        try (LogCapture logged = new LogCapture(FileTxnLog.class);
                FileTxnLog log = new FileTxnLog(dir,
                        LogRecovery.recover(dir, CorruptionPolicy.REFUSE).segments(), OPTIONS, io)) {
            for (long z = FIRST; z < FIRST + 10; z++) {
                log.append(txn(z));
                acknowledged.add(txn(z));
            }
            log.flush();

            io.diskFullAfter(room);
            for (long z = FIRST + 10; z < FIRST + 20; z++) {
                log.append(txn(z));
            }
            StorageFailureException e = assertThrows(StorageFailureException.class, log::flush);
            assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertEquals(FIRST + 9, log.lastFlushedZxid(), "nothing after the last fsync counts");
            assertThrows(StorageFailureException.class, () -> log.append(txn(FIRST + 30)));
            assertThrows(StorageFailureException.class, log::flush);
            List<String> lines = logged.messages().stream()
                    .filter(m -> m.contains("No space left on device")).toList();
            assertEquals(1, lines.size(), "one line says why: " + logged.messages());
            assertTrue(lines.get(0).contains(segment.toString()), lines.get(0));
        }

        io.diskFullAfter(-1); // space is freed
        try (FileTxnLog reopened = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE)) {
            List<Txn> back = new ArrayList<>();
            for (Iterator<Txn> it = reopened.readFrom(0); it.hasNext(); ) {
                back.add(it.next());
            }
            assertTrue(back.size() >= acknowledged.size(), "every acknowledged txn is back");
            for (int i = 0; i < back.size(); i++) {
                // Whatever is back is whole: a record of the run, never a half-written one.
                Txn expected = txn(FIRST + i);
                assertEquals(expected.zxid(), back.get(i).zxid());
                assertArrayEquals(expected.bytes(), back.get(i).bytes());
            }
            reopened.append(txn(back.get(back.size() - 1).zxid() + 1));
            reopened.flush();
        }
    }

    @Test
    void aDiskFullAtTheSegmentHeaderFailsTheFirstAppend() throws IOException {
        io.diskFullAfter(3);
        try (FileTxnLog log = new FileTxnLog(dir,
                LogRecovery.recover(dir, CorruptionPolicy.REFUSE).segments(), OPTIONS, io)) {
            assertThrows(StorageFailureException.class, () -> {
                log.append(txn(FIRST));
                log.flush();
            });
            assertEquals(0, log.lastFlushedZxid());
        }
        io.diskFullAfter(-1);
        try (FileTxnLog reopened = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE)) {
            assertEquals(0, reopened.lastFlushedZxid(), "a torn header is no txn");
            reopened.append(txn(FIRST));
            reopened.flush();
        }
    }
}
