package io.paddock.server.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.AddWatchRequest;
import io.paddock.protocol.CheckWatchesRequest;
import io.paddock.protocol.ClientInfo;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.ErrorResponse;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.GetACLRequest;
import io.paddock.protocol.GetACLResponse;
import io.paddock.protocol.GetAllChildrenNumberRequest;
import io.paddock.protocol.GetAllChildrenNumberResponse;
import io.paddock.protocol.GetChildren2Request;
import io.paddock.protocol.GetChildren2Response;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetChildrenResponse;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.GetDataResponse;
import io.paddock.protocol.GetEphemeralsRequest;
import io.paddock.protocol.GetEphemeralsResponse;
import io.paddock.protocol.Id;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.RemoveWatchesRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetWatches;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.SyncRequest;
import io.paddock.protocol.SyncResponse;
import io.paddock.protocol.WhoAmIResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.EventType;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.acl.DigestAuthProvider;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.RecordingWatcher;
import io.paddock.server.watch.WatcherType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadRequestProcessorTest {
    private final TreeHarness h = new TreeHarness();
    private final RecordingWatcher w = new RecordingWatcher(1);
    private final Id bob = new Id("digest", DigestAuthProvider.digest("bob:pw"));

    private ReadResult read(int op, io.paddock.protocol.Record r) {
        return h.read(1, op, r, List.of(), w);
    }

    private String events() {
        StringBuilder sb = new StringBuilder();
        for (Notification n : h.fired) {
            sb.append(n.event().type()).append(n.event().path()).append(' ');
        }
        h.fired.clear();
        return sb.toString().trim();
    }

    @Test
    void existsOnMissingNodeSetsAWatchThatFiresOnCreate() {
        ReadResult r = read(OpCode.EXISTS, new ExistsRequest("/a", true));
        assertEquals(ErrorCode.NO_NODE, r.error());
        h.create("/a", 0);
        assertEquals(EventType.NODE_CREATED + "/a", events());
        assertEquals(ErrorCode.BAD_ARGUMENTS, read(OpCode.EXISTS,
                new ExistsRequest("/a\0", true)).error());
    }

    @Test
    void getDataAndChildrenWatchOnlyOnSuccess() {
        assertEquals(ErrorCode.NO_NODE, read(OpCode.GET_DATA, new GetDataRequest("/a", true))
                .error());
        assertEquals(0, h.watches.watchCount());
        h.write(1, OpCode.CREATE, new CreateRequest("/a", new byte[] {4}, ACL.OPEN_ACL_UNSAFE, 0));
        GetDataResponse data = (GetDataResponse) read(OpCode.GET_DATA,
                new GetDataRequest("/a", true)).response();
        assertArrayEquals(new byte[] {4}, data.data());
        assertEquals(1, data.stat().dataLength());
        read(OpCode.GET_CHILDREN, new GetChildrenRequest("/a", true));
        GetChildren2Response c2 = (GetChildren2Response) read(OpCode.GET_CHILDREN2,
                new GetChildren2Request("/", false)).response();
        assertEquals(2, c2.stat().numChildren());
        assertEquals(2, c2.children().size());
        h.create("/a/b", 0);
        h.write(1, OpCode.SET_DATA, new SetDataRequest("/a", null, -1));
        assertEquals(EventType.NODE_CHILDREN_CHANGED + "/a " + EventType.NODE_DATA_CHANGED + "/a",
                events());
        assertEquals(List.of("b"), ((GetChildrenResponse) read(OpCode.GET_CHILDREN,
                new GetChildrenRequest("/a", false)).response()).children());
    }

    @Test
    void readAclsAndMaskedDigests() {
        List<ACL> acl = List.of(new ACL(ACL.Perms.ADMIN, bob),
                new ACL(ACL.Perms.READ, new Id("ip", "10.0.0.0/8")));
        h.write(1, OpCode.CREATE, new CreateRequest("/s", null, acl, 0));
        List<Id> outsider = List.of(new Id("ip", "192.168.1.1"));
        List<Id> insider = List.of(new Id("ip", "10.1.1.1"));
        assertEquals(ErrorCode.NO_AUTH, h.read(1, OpCode.GET_DATA,
                new GetDataRequest("/s", true), outsider, w).error());
        assertEquals(0, h.watches.watchCount());
        assertEquals(ErrorCode.NO_AUTH, h.read(1, OpCode.GET_CHILDREN,
                new GetChildrenRequest("/s", true), outsider, w).error());
        assertEquals(ErrorCode.NO_AUTH, h.read(1, OpCode.GET_ALL_CHILDREN_NUMBER,
                new GetAllChildrenNumberRequest("/s"), outsider, w).error());
        assertEquals(ErrorCode.NO_AUTH, h.read(1, OpCode.GET_ACL,
                new GetACLRequest("/s"), outsider, w).error());
        assertEquals(ErrorCode.NO_AUTH, h.read(1, OpCode.EXISTS,
                new ExistsRequest("/s", true), outsider, w).error());
        assertEquals(0, h.watches.watchCount());
        GetACLResponse masked = (GetACLResponse) h.read(1, OpCode.GET_ACL,
                new GetACLRequest("/s"), insider, w).response();
        assertEquals("bob:x", masked.acl().get(0).id().id());
        GetACLResponse full = (GetACLResponse) h.read(1, OpCode.GET_ACL,
                new GetACLRequest("/s"), List.of(bob), w).response();
        assertEquals(acl, full.acl());
        assertEquals(ErrorCode.OK, h.read(1, OpCode.GET_DATA,
                new GetDataRequest("/s", false), List.of(AuthRegistry.SUPER), w).error());
    }

    @Test
    void countsAndEphemerals() {
        h.create("/a", 0);
        h.create("/a/b", 0);
        h.create("/a/b/c", 0);
        h.write(1, OpCode.CREATE, new CreateRequest("/a/e1", null, ACL.OPEN_ACL_UNSAFE, 1));
        h.write(1, OpCode.CREATE, new CreateRequest("/e2", null, ACL.OPEN_ACL_UNSAFE, 1));
        h.write(2, OpCode.CREATE, new CreateRequest("/e3", null, ACL.OPEN_ACL_UNSAFE, 1));
        assertEquals(new GetAllChildrenNumberResponse(3), read(OpCode.GET_ALL_CHILDREN_NUMBER,
                new GetAllChildrenNumberRequest("/a")).response());
        assertEquals(new GetEphemeralsResponse(List.of("/a/e1", "/e2")),
                read(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/")).response());
        assertEquals(new GetEphemeralsResponse(List.of("/a/e1")),
                read(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/a")).response());
    }

    @Test
    void watchBookkeepingOps() {
        h.create("/a", 0);
        assertEquals(ErrorCode.NO_WATCHER, read(OpCode.CHECK_WATCHES,
                new CheckWatchesRequest("/a", WatcherType.DATA.code())).error());
        read(OpCode.GET_DATA, new GetDataRequest("/a", true));
        assertEquals(ErrorCode.OK, read(OpCode.CHECK_WATCHES,
                new CheckWatchesRequest("/a", WatcherType.ANY.code())).error());
        assertEquals(ErrorCode.NO_WATCHER, read(OpCode.REMOVE_WATCHES,
                new RemoveWatchesRequest("/a", WatcherType.CHILDREN.code())).error());
        assertEquals(ErrorCode.OK, read(OpCode.REMOVE_WATCHES,
                new RemoveWatchesRequest("/a", WatcherType.DATA.code())).error());
        assertEquals(new ErrorResponse(0), read(OpCode.ADD_WATCH,
                new AddWatchRequest("/a", 1)).response());
        assertEquals(ErrorCode.BAD_ARGUMENTS, read(OpCode.ADD_WATCH,
                new AddWatchRequest("/a", 7)).error());
        h.create("/a/x", 0);
        h.create("/a/x/y", 0);
        assertEquals(EventType.NODE_CREATED + "/a/x " + EventType.NODE_CREATED + "/a/x/y",
                events());
        assertEquals(ErrorCode.OK, read(OpCode.CHECK_WATCHES,
                new CheckWatchesRequest("/a", WatcherType.PERSISTENT_RECURSIVE.code())).error());
    }

    @Test
    void setWatchesFiresMissedEventsAndRegistersTheRest() {
        h.create("/same", 0);
        h.create("/changed", 0);
        h.create("/kids", 0);
        long seen = h.zxid;
        h.write(1, OpCode.SET_DATA, new SetDataRequest("/changed", null, -1));
        h.create("/kids/k", 0);
        h.create("/born", 0);
        ReadResult r = read(OpCode.SET_WATCHES, new SetWatches(seen,
                List.of("/same", "/changed", "/gone"), List.of("/born", "/unborn"),
                List.of("/kids", "/same")));
        assertEquals(ErrorCode.OK, r.error());
        assertNull(r.response());
        assertEquals(EventType.NODE_DATA_CHANGED + "/changed " + EventType.NODE_DELETED + "/gone "
                + EventType.NODE_CREATED + "/born " + EventType.NODE_CHILDREN_CHANGED + "/kids",
                events());
        assertEquals(3, h.watches.watchCount());
        read(OpCode.SET_WATCHES2, new SetWatches2(seen, List.of(), List.of(), List.of(),
                List.of("/p"), List.of("/r")));
        h.create("/r", 0);
        h.write(1, OpCode.SET_DATA, new SetDataRequest("/same", null, -1));
        h.write(1, OpCode.DELETE, new DeleteRequest("/same", -1));
        assertEquals(EventType.NODE_CREATED + "/r " + EventType.NODE_DATA_CHANGED + "/same "
                + EventType.NODE_DELETED + "/same", events());
    }

    @Test
    void multiReadAnswersEachOpOnItsOwn() {
        h.create("/a", 0);
        MultiResponse r = (MultiResponse) read(OpCode.MULTI_READ, new MultiRequest(List.of(
                new MultiOp(OpCode.GET_CHILDREN, new GetChildrenRequest("/", false)),
                new MultiOp(OpCode.GET_DATA, new GetDataRequest("/missing", false)),
                new MultiOp(OpCode.GET_DATA, new GetDataRequest("/a", false))))).response();
        assertEquals(3, r.results().size());
        assertEquals(OpCode.GET_CHILDREN, r.results().get(0).type());
        assertEquals(MultiResult.error(ErrorCode.NO_NODE.code()), r.results().get(1));
        assertTrue(r.results().get(2).response() instanceof GetDataResponse);
    }

    @Test
    void syncAndWhoAmI() {
        assertEquals(new SyncResponse("/x"), read(OpCode.SYNC, new SyncRequest("/x")).response());
        WhoAmIResponse who = (WhoAmIResponse) h.read(1, OpCode.WHO_AM_I,
                io.paddock.protocol.EmptyRequest.INSTANCE,
                List.of(new Id("ip", "127.0.0.1"), bob, AuthRegistry.SUPER), w).response();
        assertEquals(List.of(new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "bob"),
                new ClientInfo("super", "")), who.clientInfo());
    }
}
