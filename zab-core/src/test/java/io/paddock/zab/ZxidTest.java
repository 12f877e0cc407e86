package io.paddock.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZxidTest {

    @Test
    void packsEpochHighAndCounterLow() {
        assertEquals(0x0000_0005_0000_0007L, Zxids.make(5, 7));
        assertEquals(5, Zxids.epoch(0x0000_0005_0000_0007L));
        assertEquals(7, Zxids.counter(0x0000_0005_0000_0007L));
    }

    @Test
    void roundTripsTheExtremesOfEachPart() {
        long zxid = Zxids.make(Zxids.MAX_PART, Zxids.MAX_PART);

        assertEquals(-1L, zxid);
        assertEquals(Zxids.MAX_PART, Zxids.epoch(zxid));
        assertEquals(Zxids.MAX_PART, Zxids.counter(zxid));
        assertEquals(0, Zxids.make(0, 0));
    }

    @Test
    void rejectsPartsThatDoNotFitIn32Bits() {
        assertThrows(IllegalArgumentException.class, () -> Zxids.make(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Zxids.make(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Zxids.make(1L << 32, 0));
        assertThrows(IllegalArgumentException.class, () -> Zxids.make(0, 1L << 32));
    }

    @Test
    void printsAsZooKeeperDoes() {
        assertEquals("0x100000001", Zxids.toHexString(Zxids.make(1, 1)));
        assertEquals("0x0", Zxid.ZERO.toHexString());
        assertEquals("0x2000000ff", Zxid.of(2, 255).toString());
    }

    @Test
    void recordExposesItsParts() {
        Zxid zxid = Zxid.of(3, 9);

        assertEquals(3, zxid.epoch());
        assertEquals(9, zxid.counter());
        assertEquals(new Zxid(Zxids.make(3, 9)), zxid);
    }

    @Test
    void ordersByEpochThenCounter() {
        Random random = new Random(42);
        List<Zxid> zxids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            zxids.add(Zxid.of(random.nextInt(1 << 30), random.nextLong() & Zxids.MAX_PART));
        }
        Collections.sort(zxids);

        for (int i = 1; i < zxids.size(); i++) {
            Zxid a = zxids.get(i - 1);
            Zxid b = zxids.get(i);
            assertTrue(a.epoch() < b.epoch() || a.epoch() == b.epoch() && a.counter() <= b.counter(),
                    a + " before " + b);
        }
    }

    @Test
    void aNewEpochOrdersAfterEveryCounterOfTheOldOne() {
        assertTrue(Zxid.of(1, Zxids.MAX_PART).compareTo(Zxid.of(2, 0)) < 0);
        assertTrue(Zxid.of(2, 0).compareTo(Zxid.of(1, Zxids.MAX_PART)) > 0);
        assertEquals(0, Zxid.of(2, 0).compareTo(Zxid.of(2, 0)));
    }
}
