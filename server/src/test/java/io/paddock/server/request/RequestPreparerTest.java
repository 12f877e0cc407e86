package io.paddock.server.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.Create2Response;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.Id;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.acl.DigestAuthProvider;
import io.paddock.server.tree.EphemeralType;
import io.paddock.server.txn.CloseSessionTxn;
import io.paddock.server.txn.CreateSessionTxn;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.ErrorTxn;
import io.paddock.server.txn.MultiTxn;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPreparerTest {
    private final TreeHarness h = new TreeHarness();

    private static CreateRequest create(String path, int flags) {
        return new CreateRequest(path, new byte[0], ACL.OPEN_ACL_UNSAFE, flags);
    }

    private ErrorCode error(int op, io.paddock.protocol.Record request) {
        return h.write(1, op, request).error();
    }

    @Test
    void createErrorsInZooKeepersOrder() {
        h.create("/a", 0);
        h.create("/e", 1);
        assertEquals(ErrorCode.NODE_EXISTS, error(OpCode.CREATE, create("/a", 0)));
        assertEquals(ErrorCode.NO_NODE, error(OpCode.CREATE, create("/x/y", 0)));
        assertEquals(ErrorCode.NO_CHILDREN_FOR_EPHEMERALS,
                error(OpCode.CREATE, create("/e/c", 0)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE, create("a", 0)));
        assertEquals(ErrorCode.NO_NODE, error(OpCode.CREATE, create("/a/./b", 0)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE, create("/a/.", 0)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE, create("/a/", 0)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE, create("/a/b", 9)));
        assertEquals(ErrorCode.NO_NODE, error(OpCode.CREATE, create("/a//b", 0)));
        assertEquals(ErrorCode.NODE_EXISTS, error(OpCode.CREATE, create("/", 0)));
        assertEquals(ErrorCode.INVALID_ACL, error(OpCode.CREATE,
                new CreateRequest("/b", null, List.of(), 0)));
        assertEquals(ErrorCode.INVALID_ACL, error(OpCode.CREATE,
                new CreateRequest("/b", null, ACL.CREATOR_ALL_ACL, 0)));
    }

    @Test
    void failuresAndSuccessesUseOneZxidEach() {
        h.create("/a", 0);
        long before = h.zxid;
        Prepared p = h.prepare(1, OpCode.CREATE, create("/a", 0), List.of());
        // ZooKeeper's error txn: header type error, the code in an ErrorTxn, the next zxid.
        assertEquals(new ErrorTxn(ErrorCode.NODE_EXISTS.code()), p.txn());
        assertEquals(OpCode.ERROR, p.header().type());
        assertEquals(before + 1, p.header().zxid());
        assertEquals(ErrorCode.NODE_EXISTS, p.error());
        Prepared ok = h.prepare(1, OpCode.CREATE2, create("/b", 0), List.of());
        assertEquals(before + 2, ok.header().zxid());
        assertEquals(OpCode.CREATE2, ok.header().type());
        assertEquals(ErrorCode.OK, ok.error());
    }

    @Test
    void deleteSetDataCheckErrors() {
        h.create("/a", 0);
        h.create("/a/b", 0);
        assertEquals(ErrorCode.NOT_EMPTY, error(OpCode.DELETE, new DeleteRequest("/a", -1)));
        assertEquals(ErrorCode.BAD_VERSION, error(OpCode.DELETE, new DeleteRequest("/a/b", 3)));
        assertEquals(ErrorCode.NO_NODE, error(OpCode.DELETE, new DeleteRequest("/a/z", -1)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.DELETE, new DeleteRequest("/", -1)));
        assertEquals(ErrorCode.BAD_ARGUMENTS,
                error(OpCode.DELETE, new DeleteRequest("/zookeeper/quota", -1)));
        assertEquals(ErrorCode.BAD_VERSION,
                error(OpCode.SET_DATA, new SetDataRequest("/a", null, 5)));
        assertEquals(ErrorCode.NO_NODE,
                error(OpCode.SET_DATA, new SetDataRequest("/q", null, -1)));
        assertEquals(ErrorCode.BAD_ARGUMENTS,
                error(OpCode.SET_DATA, new SetDataRequest("/q/", null, -1)));
        assertEquals(ErrorCode.OK, error(OpCode.SET_DATA, new SetDataRequest("/a", null, 0)));
        assertEquals(ErrorCode.OK, error(OpCode.CHECK, new CheckVersionRequest("/a", 1)));
        assertNull(h.write(1, OpCode.CHECK, new CheckVersionRequest("/a", 1)).response());
        assertEquals(ErrorCode.BAD_VERSION, error(OpCode.CHECK, new CheckVersionRequest("/a", 0)));
        assertEquals(ErrorCode.OK, error(OpCode.DELETE, new DeleteRequest("/a/b", 0)));
    }

    @Test
    void aclPermissionsPerOperation() {
        Id bob = new Id("digest", DigestAuthProvider.digest("bob:pw"));
        List<Id> asBob = List.of(bob);
        List<ACL> bobAll = List.of(new ACL(ACL.Perms.ALL, bob));
        assertEquals(ErrorCode.OK, h.write(1, OpCode.CREATE,
                new CreateRequest("/b", null, bobAll, 0), asBob).error());
        assertEquals(ErrorCode.OK, h.write(1, OpCode.CREATE,
                new CreateRequest("/b/c", null, ACL.OPEN_ACL_UNSAFE, 0), asBob).error());
        assertEquals(ErrorCode.NO_AUTH, error(OpCode.CREATE, create("/b/x", 0)));
        assertEquals(ErrorCode.NO_AUTH, error(OpCode.DELETE, new DeleteRequest("/b/c", -1)));
        assertEquals(ErrorCode.NO_AUTH, error(OpCode.SET_DATA, new SetDataRequest("/b", null, -1)));
        assertEquals(ErrorCode.NO_AUTH, error(OpCode.CHECK, new CheckVersionRequest("/b", -1)));
        assertEquals(ErrorCode.NO_AUTH,
                error(OpCode.SET_ACL, new SetACLRequest("/b", ACL.OPEN_ACL_UNSAFE, -1)));
        assertEquals(ErrorCode.INVALID_ACL,
                error(OpCode.SET_ACL, new SetACLRequest("/b", List.of(), -1)));
        List<Id> superUser = List.of(AuthRegistry.SUPER);
        assertEquals(ErrorCode.OK, h.write(1, OpCode.SET_DATA,
                new SetDataRequest("/b", null, -1), superUser).error());
        assertEquals(ErrorCode.OK, h.write(1, OpCode.SET_ACL,
                new SetACLRequest("/b", ACL.CREATOR_ALL_ACL, 0), asBob).error());
        assertEquals(bobAll, h.tree.node("/b").acl());
        assertEquals(ErrorCode.BAD_VERSION, h.write(1, OpCode.SET_ACL,
                new SetACLRequest("/b", ACL.OPEN_ACL_UNSAFE, 0), asBob).error());
    }

    @Test
    void pipelinedRequestsSeeEarlierUnappliedOnes() {
        h.create("/q", 0);
        Prepared a = h.prepare(1, OpCode.CREATE2, create("/q/n-", 2), List.of());
        Prepared b = h.prepare(1, OpCode.CREATE2, create("/q/n-", 2), List.of());
        Prepared dupe = h.prepare(1, OpCode.CREATE2, create("/q/n-0000000001", 0), List.of());
        Prepared del = h.prepare(1, OpCode.DELETE, new DeleteRequest("/q/n-0000000000", -1),
                List.of());
        Prepared c = h.prepare(1, OpCode.CREATE2, create("/q/n-", 2), List.of());
        Prepared delParent = h.prepare(1, OpCode.DELETE, new DeleteRequest("/q", -1), List.of());
        assertEquals("/q/n-0000000000", ((CreateTxn) a.txn()).path());
        assertEquals("/q/n-0000000001", ((CreateTxn) b.txn()).path());
        assertEquals(ErrorCode.NODE_EXISTS, dupe.error());
        assertNotNull(del.txn());
        assertEquals("/q/n-0000000002", ((CreateTxn) c.txn()).path());
        assertEquals(ErrorCode.NOT_EMPTY, delParent.error());
        for (Prepared p : List.of(a, b, del, c)) {
            assertEquals(ErrorCode.OK, h.apply(p).error());
        }
        assertEquals(0, h.preparer.outstandingChanges());
        assertEquals(List.of("n-0000000001", "n-0000000002"),
                h.tree.node("/q").children().stream().sorted().toList());
        assertEquals(4, h.tree.stat("/q").cversion());
    }

    @Test
    void failedMultiHasNoEffectAndAnswersPerOp() {
        h.create("/m", 0);
        long zxid = h.zxid;
        Prepared p = h.prepare(1, OpCode.MULTI, new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE, create("/m/a", 0)),
                new MultiOp(OpCode.CREATE, create("/m/s-", 2)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/m", null, 7)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/m", -1)))), List.of());
        assertEquals(zxid + 1, p.header().zxid());
        assertEquals(OpCode.MULTI, p.header().type());
        MultiTxn txn = (MultiTxn) p.txn();
        assertEquals(List.of(new ErrorTxn(0), new ErrorTxn(0), new ErrorTxn(-103),
                new ErrorTxn(-2)), txn.txns());
        Prepared next = h.prepare(1, OpCode.CREATE, create("/m/s-", 2), List.of());
        assertEquals("/m/s-0000000000", ((CreateTxn) next.txn()).path());
        assertEquals(ErrorCode.OK, h.prepare(1, OpCode.CREATE, create("/m/a", 0), List.of())
                .error());
        TreeHarness.Outcome o = h.apply(p);
        assertEquals(ErrorCode.OK, o.error());
        assertEquals(List.of(MultiResult.error(0), MultiResult.error(0), MultiResult.error(-103),
                MultiResult.error(-2)), ((MultiResponse) o.response()).results());
        assertEquals(0, h.tree.node("/m").childCount());
    }

    @Test
    void multiOpsSeeEachOther() {
        TreeHarness.Outcome o = h.write(1, OpCode.MULTI, new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE2, create("/x", 0)),
                new MultiOp(OpCode.CREATE, create("/x/y", 0)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/x/y", new byte[2], 0)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/x/y", 1)))));
        List<MultiResult> r = ((MultiResponse) o.response()).results();
        assertEquals(4, r.size());
        assertEquals("/x", ((Create2Response) r.get(0).response()).path());
        assertEquals(OpCode.DELETE, r.get(3).type());
        assertNull(h.tree.node("/x/y"));
        assertEquals(2, h.tree.stat("/x").cversion());
    }

    @Test
    void containerAndTtlEncodings() {
        TreeHarness.Outcome c = h.write(1, OpCode.CREATE_CONTAINER, create("/c", 4));
        assertEquals(EphemeralType.CONTAINER_OWNER,
                ((CreateTxn) c.prepared().txn()).ephemeralOwner());
        TreeHarness.Outcome t = h.write(1, OpCode.CREATE_TTL,
                new CreateTTLRequest("/t", null, ACL.OPEN_ACL_UNSAFE, 5, 5000));
        assertEquals(0xFF00000000001388L, ((CreateTxn) t.prepared().txn()).ephemeralOwner());
        TreeHarness.Outcome ts = h.write(1, OpCode.CREATE_TTL,
                new CreateTTLRequest("/ts-", null, ACL.OPEN_ACL_UNSAFE, 6, 5000));
        assertTrue(((Create2Response) ts.response()).path().startsWith("/ts-00000000"));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE_TTL,
                new CreateTTLRequest("/t0", null, ACL.OPEN_ACL_UNSAFE, 5, 0)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE_TTL,
                new CreateTTLRequest("/t1", null, ACL.OPEN_ACL_UNSAFE, 0, 10)));
        assertEquals(ErrorCode.BAD_ARGUMENTS, error(OpCode.CREATE, create("/t2", 5)));
        TreeHarness off = new TreeHarness(PrepareSettings.DEFAULTS, new AuthRegistry());
        assertEquals(ErrorCode.UNIMPLEMENTED, off.write(1, OpCode.CREATE_TTL,
                new CreateTTLRequest("/t", null, ACL.OPEN_ACL_UNSAFE, 5, 5000)).error());
    }

    @Test
    void deleteContainerRefusesEphemeralsAndNonEmptyNodes() {
        h.write(1, OpCode.CREATE_CONTAINER, create("/c", 4));
        h.create("/c/x", 0);
        h.create("/e", 1);
        assertEquals(ErrorCode.NOT_EMPTY,
                error(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/c")));
        assertEquals(ErrorCode.BAD_VERSION,
                error(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/e")));
        h.write(1, OpCode.DELETE, new DeleteRequest("/c/x", -1));
        assertEquals(List.of("/c"), h.tree.expiredContainersAndTtls(h.now));
        assertEquals(ErrorCode.OK,
                error(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/c")));
        assertNull(h.tree.node("/c"));
    }

    @Test
    void sessionsOpenAndCloseWithTheirEphemeralsIncludingPendingOnes() {
        Prepared open = h.prepare(9, OpCode.CREATE_SESSION, new CreateSessionRequest(30000),
                List.of());
        assertEquals(new CreateSessionTxn(30000), open.txn());
        assertEquals(OpCode.CREATE_SESSION, open.header().type());
        h.apply(open);
        h.write(9, OpCode.CREATE, create("/e1", 1));
        h.write(9, OpCode.CREATE, create("/gone", 1));
        Prepared pendingCreate = h.prepare(9, OpCode.CREATE, create("/e2", 3), List.of());
        Prepared pendingDelete = h.prepare(9, OpCode.DELETE, new DeleteRequest("/gone", -1),
                List.of());
        Prepared close = h.prepare(9, OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE, List.of());
        assertEquals(new CloseSessionTxn(List.of("/e1", "/e20000000002")), close.txn());
        h.apply(pendingCreate);
        h.apply(pendingDelete);
        TreeHarness.Outcome o = h.apply(close);
        assertNull(o.response());
        assertTrue(h.tree.ephemerals(9).isEmpty());
        assertEquals(1, h.tree.stat("/").numChildren());
    }

    @Test
    void malformedRequestIsAMarshallingError() {
        assertEquals(ErrorCode.MARSHALLING_ERROR,
                error(OpCode.SET_DATA, new DeleteRequest("/a", -1)));
        assertEquals(ErrorCode.RECONFIG_DISABLED, error(OpCode.RECONFIG, EmptyRequest.INSTANCE));
        assertInstanceOf(Prepared.class, h.prepare(1, OpCode.GET_DATA, EmptyRequest.INSTANCE,
                List.of()));
    }
}
