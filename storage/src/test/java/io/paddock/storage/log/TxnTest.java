package io.paddock.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TxnTest {

    @Test
    void equalsByContentNotByArrayIdentity() {
        Txn a = new Txn(7, 1, new byte[] {1, 2, 3});
        Txn b = new Txn(7, 1, new byte[] {1, 2, 3});

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void differsWhenAnyFieldDiffers() {
        Txn base = new Txn(7, 1, new byte[] {1, 2, 3});

        assertNotEquals(base, new Txn(8, 1, new byte[] {1, 2, 3}));
        assertNotEquals(base, new Txn(7, 2, new byte[] {1, 2, 3}));
        assertNotEquals(base, new Txn(7, 1, new byte[] {1, 2, 4}));
        assertNotEquals(base, new Txn(7, 1, new byte[] {1, 2}));
    }

    @Test
    void rejectsNullBytes() {
        assertThrows(NullPointerException.class, () -> new Txn(1, 1, null));
    }

    @Test
    void toStringShowsZxidInHexAndTheLength() {
        String text = new Txn(0x100000001L, 1, new byte[40]).toString();

        assertTrue(text.contains("zxid=0x100000001"), text);
        assertTrue(text.contains("length=40"), text);
    }
}
