package io.paddock.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.LogRecordCodec;
import io.paddock.storage.log.LogTruncation;
import io.paddock.storage.log.Txn;
import io.paddock.storage.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corruption matrix: every truncation point of a small log, and flipped bytes. */
class LogRecoveryTest {
    private static final long FIRST = (1L << 32) | 1;
    private static final FileTxnLogOptions OPTIONS = FileTxnLogOptions.defaults()
            .withPreAllocSize(4096).withForceSync(false);
    private static final int COUNT = 8;

    @TempDir
    Path dir;

    private final LogCapture logs = new LogCapture(LogRecovery.class);

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    private static Txn txn(long zxid) {
        return new Txn(zxid, 1, ("payload-" + zxid).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes COUNT txns per segment into {@code segments} segments; returns all txns. */
    private List<Txn> writeLog(int segments) throws Exception {
        List<Txn> written = new ArrayList<>();
        try (FileTxnLog log = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE)) {
            for (int s = 0; s < segments; s++) {
                log.rollLog();
                for (int i = 0; i < COUNT; i++) {
                    Txn t = txn(FIRST + written.size());
                    log.append(t);
                    written.add(t);
                }
                log.flush();
            }
        }
        return written;
    }

    /** Offsets where each record ends, starting with the end of the header. */
    private static List<Integer> recordEnds(List<Txn> txns) {
        List<Integer> ends = new ArrayList<>();
        int at = LogRecordCodec.SEGMENT_HEADER_SIZE;
        ends.add(at);
        for (Txn t : txns) {
            at += LogRecordCodec.encodedSize(t);
            ends.add(at);
        }
        return ends;
    }

    private List<Txn> readAll() throws Exception {
        try (FileTxnLog log = LogRecovery.open(dir, OPTIONS, CorruptionPolicy.REFUSE)) {
            List<Txn> out = new ArrayList<>();
            log.readFrom(0).forEachRemaining(out::add);
            return out;
        }
    }

    private Path segment(long firstZxid) {
        return dir.resolve(LogRecordCodec.segmentName(firstZxid));
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void truncatingAtEveryOffsetRecoversTheLastValidPrefix() throws Exception {
        List<Txn> txns = writeLog(1);
        Path file = segment(FIRST);
        List<Integer> ends = recordEnds(txns);
        byte[] original = Arrays.copyOf(Files.readAllBytes(file), ends.get(COUNT));
        for (boolean zeroPadded : new boolean[] {false, true}) {
            for (int cut = 0; cut <= original.length; cut++) {
                byte[] torn = Arrays.copyOf(original, zeroPadded ? 4096 : cut);
                Arrays.fill(torn, cut, torn.length, (byte) 0);
                Files.write(file, torn);
                logs.clear();

                List<Txn> recovered = readAll();

                int whole = 0;
                while (whole < COUNT && ends.get(whole + 1) <= cut) {
                    whole++;
                }
                String at = "cut at " + cut + (zeroPadded ? " zero-padded" : "");
                assertEquals(txns.subList(0, whole), recovered, at);
                // Zeros after the last whole record look like preallocated space: nothing to log.
                boolean tornTail = whole == 0 || !allZero(original, ends.get(whole), cut);
                assertEquals(tornTail, logs.contains("torn tail", file.toString()),
                        at + ": " + logs.messages());
                for (Path p : LogRecovery.segmentFiles(dir)) {
                    if (!p.equals(file)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void aFlippedByteAnywhereInARecordWithRecordsAfterItRefusesWithItsFileAndOffset()
            throws Exception {
        List<Txn> txns = writeLog(1);
        Path file = segment(FIRST);
        byte[] original = Files.readAllBytes(file);
        List<Integer> ends = recordEnds(txns);
        int damaged = 3;
        int start = ends.get(damaged);
        for (int at = start; at < ends.get(damaged + 1); at++) {
            byte[] bad = original.clone();
            bad[at] ^= 0x5a;
            Files.write(file, bad);

            StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                    () -> LogRecovery.recover(dir, CorruptionPolicy.REFUSE), "byte " + at);

            assertEquals(file, e.file(), "byte " + at);
            assertEquals(start, e.offset(), "byte " + at);
            boolean zxidField = at >= start + 4 && at < start + 12;
            if (!zxidField) {
                assertEquals(txns.get(damaged).zxid(), e.zxid(), "byte " + at);
            }
            assertTrue(e.getMessage().contains(file.toString())
                    && e.getMessage().contains("offset " + start), e.getMessage());
            assertTrue(Arrays.equals(bad, Files.readAllBytes(file)), "left as it was");
        }
    }

    @Test
    void aDamagedRecordInAnOlderSegmentRefusesEvenAtItsEnd() throws Exception {
        List<Txn> txns = writeLog(2);
        Path older = segment(FIRST);
        byte[] bytes = Files.readAllBytes(older);
        int lastStart = recordEnds(txns.subList(0, COUNT)).get(COUNT - 1);
        bytes[lastStart + 20] ^= 1;
        Files.write(older, bytes);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> LogRecovery.recover(dir, CorruptionPolicy.REFUSE));

        assertEquals(older, e.file());
        assertEquals(lastStart, e.offset());
        assertEquals(txns.get(COUNT - 1).zxid(), e.zxid());
    }

    @Test
    void aDamagedLastRecordIsATornTail() throws Exception {
        List<Txn> txns = writeLog(1);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int lastStart = recordEnds(txns).get(COUNT - 1);
        bytes[lastStart + 25] ^= 1;
        Files.write(file, bytes);

        assertEquals(txns.subList(0, COUNT - 1), readAll());
        assertTrue(logs.contains("torn tail", file.toString(), "offset " + lastStart),
                logs.messages().toString());
    }

    @Test
    void inspectReadsUpToATornTailAndLeavesTheFileAsItIs() throws Exception {
        List<Txn> txns = writeLog(1);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int lastStart = recordEnds(txns).get(COUNT - 1);
        bytes[lastStart + 25] ^= 1;
        Files.write(file, bytes);

        RecoveredLog r = LogRecovery.inspect(dir);

        assertEquals(txns.get(COUNT - 2).zxid(), r.lastZxid());
        assertFalse(r.repaired());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)), "left as it was");
        try (FileTxnLog log = new FileTxnLog(dir, r.segments(), OPTIONS)) {
            List<Txn> out = new ArrayList<>();
            log.readFrom(0).forEachRemaining(out::add);
            assertEquals(txns.subList(0, COUNT - 1), out);
        }
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)), "closing changed nothing");
    }

    @Test
    void inspectRefusesDamageInTheMiddleAsRecoverDoes() throws Exception {
        List<Txn> txns = writeLog(2);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int start = recordEnds(txns).get(2);
        bytes[start + 17] ^= 1;
        Files.write(file, bytes);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> LogRecovery.inspect(dir));

        assertEquals(start, e.offset());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(file)));
    }

    @Test
    void truncatePolicyCutsAtTheDamageAndDropsLaterSegments() throws Exception {
        List<Txn> txns = writeLog(2);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int start = recordEnds(txns).get(2);
        bytes[start + 17] ^= 1;
        Files.write(file, bytes);

        RecoveredLog r = LogRecovery.recover(dir, CorruptionPolicy.TRUNCATE);

        assertTrue(r.repaired());
        assertEquals(txns.get(1).zxid(), r.lastZxid());
        assertEquals(List.of(file), LogRecovery.segmentFiles(dir));
        assertEquals(txns.subList(0, 2), readAll());
        assertTrue(logs.contains("on request", "offset " + start), logs.messages().toString());
    }

    @Test
    void aBadHeaderFollowedByRecordsRefusesAtOffsetZero() throws Exception {
        writeLog(1);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        bytes[1] ^= 1;
        Files.write(file, bytes);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> LogRecovery.recover(dir, CorruptionPolicy.REFUSE));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void anIntactLogIsLeftAlone() throws Exception {
        List<Txn> txns = writeLog(3);

        RecoveredLog r = LogRecovery.recover(dir, CorruptionPolicy.REFUSE);

        assertFalse(r.repaired());
        assertEquals(3, r.segments().size());
        assertEquals(txns.get(txns.size() - 1).zxid(), r.lastZxid());
        assertEquals(txns, readAll());
        // Only the start-up summary ("checked N txn log segment(s) ..."), no repair.
        assertTrue(logs.messages().stream().allMatch(m -> m.startsWith("checked ")),
                logs.messages().toString());
    }

    @Test
    void theRepairToolReportsDamageAndTruncatesOnlyWhenAsked() throws Exception {
        List<Txn> txns = writeLog(1);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int start = recordEnds(txns).get(4);
        bytes[start + 30] ^= 1;
        Files.write(file, bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] check = {"--log-dir", dir.toString()};

        assertEquals(1, LogRepairTool.run(check, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().contains(file + " is corrupt at offset " + start), err.toString());

        String[] truncate = {"--log-dir", dir.toString(), "--truncate-at-corruption"};
        assertEquals(0, LogRepairTool.run(truncate, new PrintStream(out), new PrintStream(err)));
        assertEquals(txns.subList(0, 4), readAll());
        assertEquals(2, LogRepairTool.run(new String[0], new PrintStream(out),
                new PrintStream(err)));
    }
    @Test
    void anInterruptedTruncationIsFinishedBeforeTheCheck() throws Exception {
        List<Txn> txns = writeLog(3);
        Path marker = dir.resolve(LogTruncation.MARKER_PREFIX
                + Long.toHexString(txns.get(COUNT + 2).zxid()));
        Files.createFile(marker);

        RecoveredLog r = LogRecovery.recover(dir, CorruptionPolicy.REFUSE);

        assertTrue(r.repaired());
        assertEquals(txns.get(COUNT + 2).zxid(), r.lastZxid());
        assertEquals(txns.subList(0, COUNT + 3), readAll());
        assertFalse(Files.exists(marker));
        assertEquals(List.of(segment(FIRST), segment(FIRST + COUNT)),
                LogRecovery.segmentFiles(dir));
    }

    @Test
    void damageBeforeTheCutOfAnInterruptedTruncationRefusesUnlessAskedToCut() throws Exception {
        List<Txn> txns = writeLog(2);
        Path file = segment(FIRST);
        byte[] bytes = Files.readAllBytes(file);
        int start = recordEnds(txns).get(2);
        bytes[start + 17] ^= 1;
        Files.write(file, bytes);
        Path marker = dir.resolve(LogTruncation.MARKER_PREFIX
                + Long.toHexString(txns.get(5).zxid()));
        Files.createFile(marker);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> LogRecovery.recover(dir, CorruptionPolicy.REFUSE));
        assertEquals(file, e.file());
        assertEquals(start, e.offset());
        assertTrue(Files.exists(marker), "the truncation is still pending");

        RecoveredLog r = LogRecovery.recover(dir, CorruptionPolicy.TRUNCATE);
        assertEquals(txns.get(1).zxid(), r.lastZxid());
        assertEquals(txns.subList(0, 2), readAll());
        assertFalse(Files.exists(marker));
    }
}
