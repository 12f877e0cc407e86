package io.paddock.server.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.EphemeralType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxnCodecTest {
    private static final TxnHeader HEADER = new TxnHeader(0x1234L, 7, 0x100000005L, 1700L,
            OpCode.CREATE2);

    @Test
    void everyTxnKindRoundTrips() {
        List<ACL> acl = List.of(new ACL(ACL.Perms.READ, new Id("digest", "bob:abc=")),
                new ACL(ACL.Perms.ALL, Id.ANYONE));
        List<Txn> txns = List.of(
                new CreateTxn("/a", new byte[] {1, 2, 3}, acl, 0x1234L, 4),
                new CreateTxn("/c", null, acl, EphemeralType.CONTAINER_OWNER, 1),
                new CreateTxn("/t", new byte[0], acl, EphemeralType.ttlOwner(5000), 2),
                new DeleteTxn("/a"),
                new SetDataTxn("/a", new byte[] {9}, 3),
                new SetAclTxn("/a", acl, 2),
                new CheckVersionTxn("/a", 4),
                new CreateSessionTxn(30000),
                new CloseSessionTxn(List.of("/e1", "/e2")),
                new ErrorTxn(-101),
                new MultiTxn(List.of(new CreateTxn("/m", new byte[] {7}, acl, 0, 1),
                        new DeleteTxn("/x"), new CheckVersionTxn("/y", 1)),
                        List.of(OpCode.CREATE2, OpCode.DELETE, OpCode.CHECK)));
        for (Txn txn : txns) {
            TxnEnvelope back = TxnCodec.deserialize(TxnCodec.serialize(HEADER, txn));
            assertEquals(HEADER, back.header());
            assertSameTxn(txn, back.txn());
        }
    }

    @Test
    void rejectsUnknownVersionAndTrailingBytes() {
        byte[] bytes = TxnCodec.serialize(HEADER, new DeleteTxn("/a"));
        byte[] wrongVersion = bytes.clone();
        wrongVersion[0] = 99;
        assertThrows(DecodeException.class, () -> TxnCodec.deserialize(wrongVersion));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(DecodeException.class, () -> TxnCodec.deserialize(longer));
        byte[] shorter = Arrays.copyOf(bytes, bytes.length - 2);
        assertThrows(DecodeException.class, () -> TxnCodec.deserialize(shorter));
        assertThrows(DecodeException.class, () -> TxnCodec.deserialize(new byte[0]));
    }

    @Test
    void multiWithoutOpCodesInfersThem() {
        MultiTxn m = new MultiTxn(List.of(new DeleteTxn("/a"), new ErrorTxn(0)));
        assertEquals(List.of(OpCode.DELETE, OpCode.ERROR), m.opCodes());
        assertEquals(true, m.failed());
    }

    private static void assertSameTxn(Txn expected, Txn actual) {
        assertEquals(expected.getClass(), actual.getClass());
        if (expected instanceof CreateTxn e && actual instanceof CreateTxn a) {
            assertEquals(e.path(), a.path());
            assertArrayEquals(e.data(), a.data());
            assertEquals(e.acl(), a.acl());
            assertEquals(e.ephemeralOwner(), a.ephemeralOwner());
            assertEquals(e.parentCVersion(), a.parentCVersion());
        } else if (expected instanceof SetDataTxn e && actual instanceof SetDataTxn a) {
            assertEquals(e.path(), a.path());
            assertArrayEquals(e.data(), a.data());
            assertEquals(e.version(), a.version());
        } else if (expected instanceof MultiTxn e && actual instanceof MultiTxn a) {
            assertEquals(e.opCodes(), a.opCodes());
            assertEquals(e.txns().size(), a.txns().size());
            for (int i = 0; i < e.txns().size(); i++) {
                assertSameTxn(e.txns().get(i), a.txns().get(i));
            }
        } else {
            assertEquals(expected, actual);
        }
    }
}
