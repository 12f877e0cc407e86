package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimDiskTest {

    static Proposal txn(long epoch, long counter) {
        return new Proposal(Zxids.make(epoch, counter), 1, new byte[] {(byte) counter});
    }

    @Test
    void theCoreSeesOnlyTheDurablePrefix() {
        SimDisk disk = new SimDisk(1);
        disk.append(txn(1, 1));
        disk.append(txn(1, 2));
        disk.queueFsync(5);
        disk.append(txn(1, 3));
        assertEquals(0, disk.view().lastLogged());
        assertEquals(5, disk.nextFsyncDue());
        assertEquals(Zxids.make(1, 2), disk.completeFsync());
        assertEquals(Zxids.make(1, 2), disk.view().lastLogged());
        assertEquals(List.of(txn(1, 2)), disk.view().readAfter(Zxids.make(1, 1), 10));
        assertEquals(Zxids.make(1, 2), disk.view().floor(Zxids.make(1, 7)));
        assertEquals(Zxids.make(1, 3), disk.lastWritten());
        assertTrue(disk.holds(Zxids.make(1, 3)));
    }

    @Test
    void aCrashLosesTheUnsyncedTail() {
        SimDisk disk = new SimDisk(1);
        disk.append(txn(1, 1));
        disk.queueFsync(1);
        disk.completeFsync();
        disk.append(txn(1, 2));
        disk.append(txn(1, 3));
        disk.queueFsync(9);
        assertEquals(2, disk.crash(new SplittableRandom(1), false));
        assertEquals(Zxids.make(1, 1), disk.lastWritten());
        assertFalse(disk.hasPendingFsync());
    }

    @Test
    void partialWritesKeepSomePrefixOfTheTailAndThatPrefixIsDurable() {
        for (int seed = 0; seed < 50; seed++) {
            SimDisk disk = new SimDisk(1);
            for (int c = 1; c <= 5; c++) {
                disk.append(txn(1, c));
            }
            int lost = disk.crash(new SplittableRandom(seed), true);
            assertEquals(5 - lost, disk.writtenCount());
            assertEquals(disk.writtenCount(), disk.durableCount());
        }
    }

    @Test
    void aSnapshotReplacesTheLogAndOlderReadsNeedASnap() {
        SimDisk disk = new SimDisk(1);
        disk.append(txn(1, 1));
        disk.installSnapshot(Zxids.make(2, 4), List.of(txn(2, 4)));
        assertEquals(0, disk.writtenCount());
        assertNull(disk.view().readAfter(Zxids.make(1, 1), 10));
        assertEquals(List.of(), disk.view().readAfter(Zxids.make(2, 4), 10));
        assertThrows(SafetyViolation.class, () -> disk.append(txn(2, 3)));
        disk.append(txn(2, 5));
    }

    @Test
    void compactionDropsOnlyDurableTxnsBehindTheSnapshot() {
        SimDisk disk = new SimDisk(1);
        for (int c = 1; c <= 4; c++) {
            disk.append(txn(1, c));
        }
        disk.queueFsync(1);
        disk.completeFsync();
        disk.compact(Zxids.make(1, 2), List.of(txn(1, 1), txn(1, 2)));
        assertEquals(2, disk.writtenCount());
        assertNull(disk.view().readAfter(Zxids.make(1, 1), 10));
        assertEquals(2, disk.view().readAfter(Zxids.make(1, 2), 10).size());
    }

    @Test
    void epochsNeverGoBackAndAppendsGoForward() {
        SimDisk disk = new SimDisk(1);
        disk.writeEpochs(new EpochState(3, 2));
        SafetyViolation v = assertThrows(SafetyViolation.class, () -> disk.writeEpochs(new EpochState(2, 2)));
        assertEquals("DurableEpochCheck", v.check());
        disk.append(txn(1, 2));
        assertEquals("LogOrderCheck", assertThrows(SafetyViolation.class, () -> disk.append(txn(1, 2))).check());
    }

    @Test
    void truncationIsDurableAndShortensTheDurablePrefix() {
        SimDisk disk = new SimDisk(1);
        for (int c = 1; c <= 4; c++) {
            disk.append(txn(1, c));
        }
        disk.queueFsync(1);
        disk.completeFsync();
        assertEquals(2, disk.truncateAfter(Zxids.make(1, 2)));
        assertEquals(Zxids.make(1, 2), disk.view().lastLogged());
        disk.crash(new SplittableRandom(3), true);
        assertEquals(Zxids.make(1, 2), disk.lastWritten());
    }
}
