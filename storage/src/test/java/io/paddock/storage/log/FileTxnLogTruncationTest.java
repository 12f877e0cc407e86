package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageFailureException;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.recovery.RecoveredLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileTxnLog#truncateAfter} on disk: what recovery finds afterwards, and after a crash. */
class FileTxnLogTruncationTest {
    private static final long FIRST = (1L << 32) | 1;
    /** About 60 records of 1 KiB per segment. */
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults()
            .withPreAllocSize(8192).withSegmentSizeLimit(64 << 10).withForceSync(true);

    @TempDir
    Path dir;

    private static Txn txn(long zxid) {
        byte[] body = new byte[1000];
        body[0] = (byte) zxid;
        body[999] = (byte) (zxid >>> 8);
        return new Txn(zxid, 2, body);
    }

    /** Writes {@code count} txns from FIRST into a fresh log, flushed, and closes it. */
    private List<Txn> writeLog(Path where, int count) throws IOException {
        List<Txn> written = new ArrayList<>();
        try (FileTxnLog log = LogRecovery.open(where, OPTIONS, CorruptionPolicy.REFUSE)) {
            for (int i = 0; i < count; i++) {
                Txn t = txn(FIRST + i);
                log.append(t);
                written.add(t);
            }
            log.flush();
        }
        return written;
    }

    private static FileTxnLog open(Path where, LogIo io) throws IOException {
        RecoveredLog recovered = LogRecovery.recover(where, CorruptionPolicy.REFUSE);
        return new FileTxnLog(where, recovered.segments(), OPTIONS, io);
    }

    /** Recovers the directory as a restart would and reads the whole log. */
    private static List<Txn> recoverAndRead(Path where) throws IOException {
        try (FileTxnLog log = LogRecovery.open(where, OPTIONS, CorruptionPolicy.REFUSE)) {
            List<Txn> out = new ArrayList<>();
            log.readFrom(0).forEachRemaining(out::add);
            assertEquals(out.isEmpty() ? 0 : out.get(out.size() - 1).zxid(),
                    log.lastFlushedZxid());
            return out;
        }
    }

    private static List<String> names(Path where) throws IOException {
        try (Stream<Path> files = Files.list(where)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void truncatingAcrossSegmentsLeavesExactlyTheKeptRecordsForRecovery() throws Exception {
        List<Txn> written = writeLog(dir, 300);
        FileTxnLog log = open(dir, LogIo.SYSTEM);
        List<Path> before = log.segmentFiles();
        assertTrue(before.size() >= 4, before.toString());
        long cut = FIRST + 150;

        log.truncateAfter(cut);

        assertEquals(cut, log.lastAppendedZxid());
        assertEquals(cut, log.lastFlushedZxid());
        assertEquals(written.subList(0, 151), drainAll(log));
        for (Path segment : before) {
            long first = LogRecordCodec.segmentZxid(segment.getFileName().toString());
            assertEquals(first <= cut, Files.exists(segment), segment.toString());
        }
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(LogTruncation.MARKER_PREFIX)),
                names(dir).toString());
        log.close();

        assertEquals(written.subList(0, 151), recoverAndRead(dir));
        RecoveredLog again = LogRecovery.recover(dir, CorruptionPolicy.REFUSE);
        assertFalse(again.repaired(), "the truncated log is clean: nothing left to repair");
        assertEquals(cut, again.lastZxid());
    }

    @Test
    void truncatingAtTheLastTxnOfASegmentDeletesTheLaterOnesWhole() throws Exception {
        List<Txn> written = writeLog(dir, 200);
        FileTxnLog log = open(dir, LogIo.SYSTEM);
        List<Path> segments = log.segmentFiles();
        long secondStart = LogRecordCodec.segmentZxid(segments.get(1).getFileName().toString());

        log.truncateAfter(secondStart - 1);
        log.close();

        assertEquals(List.of(segments.get(0)), LogRecovery.segmentFiles(dir));
        assertEquals(written.subList(0, (int) (secondStart - FIRST)), recoverAndRead(dir));
    }

    @Test
    void appendsAfterATruncationStartANewSegmentAndSurviveARestart() throws Exception {
        List<Txn> written = writeLog(dir, 120);
        FileTxnLog log = open(dir, LogIo.SYSTEM);
        log.truncateAfter(FIRST + 9);
        Txn reused = new Txn(FIRST + 10, 9, new byte[] {1, 2, 3});
        log.append(reused);
        log.append(txn(FIRST + 11));
        log.flush();

        assertEquals(dir.resolve(LogRecordCodec.segmentName(FIRST + 10)),
                log.segmentFiles().get(log.segmentFiles().size() - 1));
        log.close();
        List<Txn> expected = new ArrayList<>(written.subList(0, 10));
        expected.add(reused);
        expected.add(txn(FIRST + 11));
        assertEquals(expected, recoverAndRead(dir));
    }

    @Test
    void truncatingBelowTheFirstSegmentDeletesEverySegment() throws Exception {
        writeLog(dir, 100);
        FileTxnLog log = open(dir, LogIo.SYSTEM);

        log.truncateAfter(FIRST - 1);
        log.close();

        assertEquals(List.of(), LogRecovery.segmentFiles(dir));
        assertEquals(List.of(), recoverAndRead(dir));
    }

    /**
     * The crash matrix: for every k, the truncation does its first k file steps and fails at the
     * next one (the log fails and is abandoned, as a crash would leave it), then a restart
     * recovers. Every outcome must be the whole old log or exactly the truncated one; and once
     * the marker is durable, every later crash point gives the truncated one.
     */
    @Test
    void aCrashAtAnyStepOfATruncationRecoversTheOldLogOrTheTruncatedOne() throws Exception {
        Path template = dir.resolve("template");
        List<Txn> written = writeLog(template, 260);
        long cut = FIRST + 70;
        List<Txn> truncated = written.subList(0, 71);
        boolean sawOld = false;
        boolean sawTruncated = false;
        for (int k = 0; ; k++) {
            Path crashDir = dir.resolve("crash-" + k);
            copy(template, crashDir);
            FaultyLogIo io = new FaultyLogIo();
            FileTxnLog log = open(crashDir, io);
            io.failStep(k);
            boolean failed = false;
            try {
                log.truncateAfter(cut);
            } catch (StorageFailureException e) {
                failed = true;
                assertTrue(e.getMessage().contains(crashDir.toString()), e.getMessage());
                assertTrue(log.failure().isPresent());
            }
            List<String> steps = io.stepsSinceReset();
            log.close();

            List<Txn> recovered = recoverAndRead(crashDir);
            if (recovered.equals(written)) {
                assertFalse(sawTruncated, "after step " + k + " " + steps
                        + ": the old log came back after an earlier crash point truncated it");
                sawOld = true;
            } else {
                assertEquals(truncated, recovered, "after step " + k + " " + steps);
                sawTruncated = true;
            }
            assertTrue(names(crashDir).stream()
                    .noneMatch(n -> n.startsWith(LogTruncation.MARKER_PREFIX)),
                    "recovery finished the truncation and removed its marker");
            if (!failed) {
                assertTrue(k > 5, "a truncation across segments takes several steps: " + steps);
                break;
            }
        }
        assertTrue(sawOld && sawTruncated);
    }

    @Test
    void aLeftoverMarkerTruncatesAtTheNextStart() throws Exception {
        List<Txn> written = writeLog(dir, 150);
        Files.createFile(dir.resolve(LogTruncation.MARKER_PREFIX + Long.toHexString(FIRST + 99)));

        RecoveredLog recovered = LogRecovery.recover(dir, CorruptionPolicy.REFUSE);

        assertTrue(recovered.repaired());
        assertEquals(FIRST + 99, recovered.lastZxid());
        assertEquals(written.subList(0, 100), recoverAndRead(dir));
    }

    @Test
    void aFailedTruncationFailsTheLog() throws Exception {
        writeLog(dir, 100);
        FaultyLogIo io = new FaultyLogIo();
        FileTxnLog log = open(dir, io);
        io.failEvery("delete");

        StorageFailureException e = assertThrows(StorageFailureException.class,
                () -> log.truncateAfter(FIRST + 3));
        assertEquals("delete", e.operation());
        assertThrows(StorageFailureException.class, () -> log.append(txn(FIRST + 4)));
        assertThrows(StorageFailureException.class, () -> log.truncateAfter(FIRST + 1));
        log.close();
    }

    private static List<Txn> drainAll(TxnLog log) {
        List<Txn> out = new ArrayList<>();
        log.readFrom(0).forEachRemaining(out::add);
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
