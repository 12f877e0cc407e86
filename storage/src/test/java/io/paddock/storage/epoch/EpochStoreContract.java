package io.paddock.storage.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules every {@link EpochStore} keeps; each implementation's test says how to build one. */
abstract class EpochStoreContract {
    protected EpochStore store;

    /** A fresh store, both epochs 0. */
    protected abstract EpochStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @Test
    void aFreshStoreHasBothEpochsAt0() {
        assertEquals(0, store.acceptedEpoch());
        assertEquals(0, store.currentEpoch());
    }

    @Test
    void writesRoundTrip() {
        store.write(3, 0);
        assertEquals(3, store.acceptedEpoch());
        assertEquals(0, store.currentEpoch());

        store.write(3, 3);
        assertEquals(3, store.currentEpoch());

        store.write(4, 3);
        store.write(4, 4);
        assertEquals(4, store.acceptedEpoch());
        assertEquals(4, store.currentEpoch());
    }

    @Test
    void neitherEpochMovesBackwards() {
        store.write(5, 4);

        assertThrows(IllegalArgumentException.class, () -> store.write(4, 4));
        assertThrows(IllegalArgumentException.class, () -> store.write(5, 3));
        assertEquals(5, store.acceptedEpoch());
        assertEquals(4, store.currentEpoch());
    }

    @Test
    void currentEpochNeverPassesAcceptedEpoch() {
        store.write(2, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.write(2, 3));
        assertEquals(1, store.currentEpoch());
        assertEquals("currentEpoch 3 would be above acceptedEpoch 2", e.getMessage());
    }

    @Test
    void negativeEpochsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.write(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> store.write(1, -1));
        assertEquals(0, store.acceptedEpoch());
    }

    @Test
    void writingTheSameEpochsAgainIsAllowed() {
        store.write(7, 7);
        store.write(7, 7);

        assertEquals(7, store.acceptedEpoch());
        assertEquals(7, store.currentEpoch());
    }
}
