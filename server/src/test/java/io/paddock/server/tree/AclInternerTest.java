package io.paddock.server.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import java.util.ArrayList;
import java.util.List;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.server.watch.WatchManager;
import org.junit.jupiter.api.Test;

class AclInternerTest {
    @Test
    void equalListsShareOneImmutableCopy() {
        AclInterner interner = new AclInterner();
        List<ACL> a = new ArrayList<>(List.of(new ACL(ACL.Perms.ALL, new Id("world", "anyone"))));
        List<ACL> b = List.of(new ACL(ACL.Perms.ALL, new Id("world", "anyone")));
        List<ACL> shared = interner.intern(a);
        assertSame(shared, interner.intern(b));
        a.clear();
        assertEquals(1, shared.size(), "the shared copy does not follow the caller's list");
        interner.intern(ACL.READ_ACL_UNSAFE);
        assertEquals(2, interner.size());
    }

    @Test
    void nodesCreatedFromSeparatelyDecodedAclsShareOneList() {
        DataTree tree = new DataTree(new WatchManager());
        for (int i = 1; i <= 2; i++) {
            List<ACL> decoded = List.of(new ACL(ACL.Perms.ALL, new Id("world", "anyone")));
            tree.apply(new TxnHeader(1, i, i, 0, OpCode.CREATE),
                    new CreateTxn("/n" + i, new byte[0], decoded, 0, i));
        }
        assertSame(tree.node("/n1").acl(), tree.node("/n2").acl());
    }
}
