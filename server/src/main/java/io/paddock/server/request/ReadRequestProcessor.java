package io.paddock.server.request;

import io.paddock.protocol.ACL;
import io.paddock.protocol.AddWatchRequest;
import io.paddock.protocol.CheckWatchesRequest;
import io.paddock.protocol.ClientInfo;
import io.paddock.protocol.ErrorResponse;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.ExistsResponse;
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
import io.paddock.protocol.Record;
import io.paddock.protocol.RemoveWatchesRequest;
import io.paddock.protocol.SetWatches;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.Stat;
import io.paddock.protocol.SyncRequest;
import io.paddock.protocol.SyncResponse;
import io.paddock.protocol.WhoAmIResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.acl.AuthProvider;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.WatchManager;
import io.paddock.server.watch.Watcher;
import io.paddock.server.watch.WatcherMode;
import io.paddock.server.watch.WatcherType;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers reads from the tree and registers their watches, as ZooKeeper's
 * FinalRequestProcessor in 3.9: READ is needed for exists (of a node that is there),
 * getData, getChildren(2) and getAllChildrenNumber, READ or ADMIN for getACL; getEphemerals
 * lists the session's own nodes and addWatch/setWatches check nothing (their events are
 * screened when delivered). A watch is set only when the read succeeds, except that exists
 * on a missing node sets one (it fires on NodeCreated).
 *
 * <p>Threading: called on the apply thread, so a read sees every write applied before it.
 */
public final class ReadRequestProcessor {
    private final DataTree tree;
    private final WatchManager watches;
    private final AclChecker acls;
    private final AuthRegistry auth;
    private final WatchReplay replay;
    private final int maxWatchesPerSession;

    public ReadRequestProcessor(DataTree tree) {
        this(tree, new AuthRegistry());
    }

    public ReadRequestProcessor(DataTree tree, AuthRegistry auth) {
        this(tree, auth, 0);
    }

    /** @param maxWatchesPerSession watches one connection may hold; 0 for no bound */
    public ReadRequestProcessor(DataTree tree, AuthRegistry auth, int maxWatchesPerSession) {
        this.maxWatchesPerSession = maxWatchesPerSession;
        this.tree = tree;
        this.watches = tree.watches();
        this.auth = auth;
        this.acls = new AclChecker(auth);
        this.replay = new WatchReplay(tree);
    }

    public ReadResult process(long sessionId, int opCode, Record request, List<Id> authInfo,
            Watcher watcher) {
        try {
            return dispatch(sessionId, opCode, request, authInfo, watcher);
        } catch (PrepareError e) {
            return ReadResult.failed(e.code());
        } catch (ClassCastException | NullPointerException e) {
            return ReadResult.failed(ErrorCode.MARSHALLING_ERROR);
        }
    }

    private ReadResult dispatch(long sessionId, int opCode, Record request, List<Id> authInfo,
            Watcher watcher) {
        return switch (opCode) {
            case OpCode.EXISTS -> exists((ExistsRequest) request, authInfo, watcher);
            case OpCode.GET_DATA -> ReadResult.ok(getData((GetDataRequest) request, authInfo,
                    watcher));
            case OpCode.GET_CHILDREN -> ReadResult.ok(getChildren((GetChildrenRequest) request,
                    authInfo, watcher));
            case OpCode.GET_CHILDREN2 -> ReadResult.ok(getChildren2(
                    (GetChildren2Request) request, authInfo, watcher));
            case OpCode.GET_ACL -> ReadResult.ok(getAcl((GetACLRequest) request, authInfo));
            case OpCode.GET_ALL_CHILDREN_NUMBER -> ReadResult.ok(allChildrenNumber(
                    (GetAllChildrenNumberRequest) request, authInfo));
            case OpCode.GET_EPHEMERALS -> ReadResult.ok(ephemerals(sessionId,
                    (GetEphemeralsRequest) request));
            case OpCode.CHECK_WATCHES -> checkWatches((CheckWatchesRequest) request, watcher);
            case OpCode.REMOVE_WATCHES -> removeWatches((RemoveWatchesRequest) request, watcher);
            case OpCode.ADD_WATCH -> addWatch((AddWatchRequest) request, watcher);
            case OpCode.SET_WATCHES -> setWatches((SetWatches) request, watcher);
            case OpCode.SET_WATCHES2 -> setWatches2((SetWatches2) request, watcher);
            case OpCode.MULTI_READ -> ReadResult.ok(multiRead((MultiRequest) request, authInfo,
                    watcher));
            case OpCode.SYNC -> ReadResult.ok(new SyncResponse(((SyncRequest) request).path()));
            case OpCode.WHO_AM_I -> ReadResult.ok(whoAmI(authInfo));
            default -> ReadResult.failed(ErrorCode.UNIMPLEMENTED);
        };
    }

    private ReadResult exists(ExistsRequest request, List<Id> authInfo, Watcher watcher) {
        String path = request.path();
        if (path.indexOf('\0') != -1) {
            return ReadResult.failed(ErrorCode.BAD_ARGUMENTS);
        }
        DataNode n = tree.node(path);
        if (n != null && !acls.allowed(n.acl(), ACL.Perms.READ, authInfo)) {
            return ReadResult.failed(ErrorCode.NO_AUTH);
        }
        if (request.watch() && watcher != null) {
            if (!roomForWatches(watcher, 1)) {
                return ReadResult.failed(ErrorCode.QUOTA_EXCEEDED);
            }
            watches.addDataWatch(path, watcher);
        }
        Stat stat = tree.stat(path);
        return stat == null ? ReadResult.failed(ErrorCode.NO_NODE)
                : ReadResult.ok(new ExistsResponse(stat));
    }

    private GetDataResponse getData(GetDataRequest request, List<Id> authInfo,
            Watcher watcher) {
        DataNode n = readable(request.path(), ACL.Perms.READ, authInfo);
        if (request.watch() && watcher != null) {
            requireRoomForWatches(watcher, 1);
            watches.addDataWatch(request.path(), watcher);
        }
        synchronized (n) {
            return new GetDataResponse(n.data(), n.stat());
        }
    }

    private GetChildrenResponse getChildren(GetChildrenRequest request, List<Id> authInfo,
            Watcher watcher) {
        DataNode n = readable(request.path(), ACL.Perms.READ, authInfo);
        if (request.watch() && watcher != null) {
            requireRoomForWatches(watcher, 1);
            watches.addChildWatch(request.path(), watcher);
        }
        return new GetChildrenResponse(n.children());
    }

    private GetChildren2Response getChildren2(GetChildren2Request request, List<Id> authInfo,
            Watcher watcher) {
        DataNode n = readable(request.path(), ACL.Perms.READ, authInfo);
        if (request.watch() && watcher != null) {
            requireRoomForWatches(watcher, 1);
            watches.addChildWatch(request.path(), watcher);
        }
        synchronized (n) {
            return new GetChildren2Response(n.children(), n.stat());
        }
    }

    /** Without ADMIN the digest hashes are masked, as ZooKeeper 3.9 does. */
    private GetACLResponse getAcl(GetACLRequest request, List<Id> authInfo) {
        DataNode n = readable(request.path(), ACL.Perms.READ | ACL.Perms.ADMIN, authInfo);
        List<ACL> acl;
        Stat stat;
        synchronized (n) {
            acl = n.acl();
            stat = n.stat();
        }
        if (acls.allowed(acl, ACL.Perms.ADMIN, authInfo)) {
            return new GetACLResponse(new ArrayList<>(acl), stat);
        }
        List<ACL> masked = new ArrayList<>(acl.size());
        for (ACL a : acl) {
            if ("digest".equals(a.id().scheme())) {
                masked.add(new ACL(a.perms(),
                        new Id("digest", a.id().id().replaceAll(":.*", ":x"))));
            } else {
                masked.add(a);
            }
        }
        return new GetACLResponse(masked, stat);
    }

    private GetAllChildrenNumberResponse allChildrenNumber(GetAllChildrenNumberRequest request,
            List<Id> authInfo) {
        readable(request.path(), ACL.Perms.READ, authInfo);
        return new GetAllChildrenNumberResponse(tree.descendantCount(request.path()));
    }

    private GetEphemeralsResponse ephemerals(long sessionId, GetEphemeralsRequest request) {
        String prefix = request.prefixPath();
        List<String> out = new ArrayList<>();
        boolean all = prefix == null || prefix.isBlank() || "/".equals(prefix.trim());
        for (String p : tree.ephemerals(sessionId)) {
            if (all || p.startsWith(prefix)) {
                out.add(p);
            }
        }
        out.sort(null);
        return new GetEphemeralsResponse(out);
    }

    private ReadResult checkWatches(CheckWatchesRequest request, Watcher watcher) {
        WatcherType type = watcherType(request.type());
        if (watcher == null || !watches.containsWatch(request.path(), type, watcher)) {
            return ReadResult.failed(ErrorCode.NO_WATCHER);
        }
        return ReadResult.ok(null);
    }

    private ReadResult removeWatches(RemoveWatchesRequest request, Watcher watcher) {
        WatcherType type = watcherType(request.type());
        if (watcher == null || !watches.removeWatch(request.path(), type, watcher)) {
            return ReadResult.failed(ErrorCode.NO_WATCHER);
        }
        return ReadResult.ok(null);
    }

    private ReadResult addWatch(AddWatchRequest request, Watcher watcher) {
        WatcherMode mode = WatcherMode.ofAddWatchMode(request.mode());
        if (mode == null) {
            return ReadResult.failed(ErrorCode.BAD_ARGUMENTS);
        }
        if (watcher != null) {
            if (!roomForWatches(watcher, mode == WatcherMode.PERSISTENT ? 2 : 1)) {
                return ReadResult.failed(ErrorCode.QUOTA_EXCEEDED);
            }
            watches.addPersistentWatch(request.path(), watcher, mode);
        }
        return ReadResult.ok(new ErrorResponse(0));
    }

    private ReadResult setWatches(SetWatches request, Watcher watcher) {
        if (!roomForWatches(watcher, count(request.dataWatches(), request.existWatches(),
                request.childWatches()))) {
            return ReadResult.failed(ErrorCode.QUOTA_EXCEEDED);
        }
        List<Notification> fired = replay.setWatches(request.relativeZxid(),
                request.dataWatches(), request.existWatches(), request.childWatches(),
                List.of(), List.of(), watcher);
        return new ReadResult(ErrorCode.OK, null, fired);
    }

    private ReadResult setWatches2(SetWatches2 request, Watcher watcher) {
        if (!roomForWatches(watcher, count(request.dataWatches(), request.existWatches(),
                request.childWatches(), request.persistentWatches(), request.persistentWatches(),
                request.persistentRecursiveWatches()))) {
            return ReadResult.failed(ErrorCode.QUOTA_EXCEEDED);
        }
        List<Notification> fired = replay.setWatches(request.relativeZxid(),
                request.dataWatches(), request.existWatches(), request.childWatches(),
                request.persistentWatches(), request.persistentRecursiveWatches(), watcher);
        return new ReadResult(ErrorCode.OK, null, fired);
    }

    /** Each op answers for itself: a failing read yields an error result for that op only. */
    private MultiResponse multiRead(MultiRequest request, List<Id> authInfo, Watcher watcher) {
        List<MultiResult> results = new ArrayList<>();
        for (MultiOp op : request.ops()) {
            try {
                if (op.type() == OpCode.GET_CHILDREN) {
                    results.add(new MultiResult(OpCode.GET_CHILDREN, 0,
                            getChildren((GetChildrenRequest) op.request(), authInfo, watcher)));
                } else if (op.type() == OpCode.GET_DATA) {
                    results.add(new MultiResult(OpCode.GET_DATA, 0,
                            getData((GetDataRequest) op.request(), authInfo, watcher)));
                } else {
                    throw new PrepareError(ErrorCode.MARSHALLING_ERROR);
                }
            } catch (PrepareError e) {
                results.add(MultiResult.error(e.code().code()));
            }
        }
        return new MultiResponse(results);
    }

    private WhoAmIResponse whoAmI(List<Id> authInfo) {
        List<ClientInfo> infos = new ArrayList<>(authInfo.size());
        for (Id id : authInfo) {
            AuthProvider p = auth.provider(id.scheme());
            String user = p == null ? null : p.userName(id.id());
            infos.add(new ClientInfo(id.scheme(), user == null ? "" : user));
        }
        return new WhoAmIResponse(infos);
    }

    private DataNode readable(String path, int perm, List<Id> authInfo) {
        DataNode n = tree.node(path);
        if (n == null) {
            throw new PrepareError(ErrorCode.NO_NODE);
        }
        if (!acls.allowed(n.acl(), perm, authInfo)) {
            throw new PrepareError(ErrorCode.NO_AUTH);
        }
        return n;
    }

    /**
     * maxWatchesPerSession: whether the connection may hold {@code adding} more watches. At the
     * bound a read asking for a watch answers QUOTAEXCEEDED and sets none, so the client does
     * not believe it holds a watch the server never set.
     */
    private boolean roomForWatches(Watcher watcher, int adding) {
        return maxWatchesPerSession <= 0 || watcher == null
                || watches.watchCount(watcher) + adding <= maxWatchesPerSession;
    }

    private void requireRoomForWatches(Watcher watcher, int adding) {
        if (!roomForWatches(watcher, adding)) {
            throw new PrepareError(ErrorCode.QUOTA_EXCEEDED);
        }
    }

    @SafeVarargs
    private static int count(List<String>... lists) {
        int n = 0;
        for (List<String> l : lists) {
            n += l == null ? 0 : l.size();
        }
        return n;
    }

    private static WatcherType watcherType(int code) {
        WatcherType type = WatcherType.of(code);
        if (type == null) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        return type;
    }
}
