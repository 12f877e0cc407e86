package io.paddock.server.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.protocol.ACL;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.ExistsResponse;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetChildrenResponse;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.EphemeralType;
import io.paddock.testing.Timing;
import io.paddock.server.testing.ZooKeeperReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Runs one sequence of writes against a real in-process Apache ZooKeeper 3.9.5 and against
 * RequestPreparer + DataTree, and compares the transcripts: sequential names, error codes,
 * multi results, and stats (versions, child counts, and how the zxid fields relate).
 */
class ZooKeeperParityTest {
    /** What a scenario needs from a server; sessions are 1 (main) and 2 (closed mid-way). */
    interface Backend {
        String create(int session, String path, String data, int flags);

        String delete(String path, int version);

        String setData(String path, String data, int version);

        String setAcl(String path, List<ACL> acl, int version);

        String multi(List<MultiOp> ops);

        String stat(String path);

        List<String> children(String path);

        void closeSession2();
    }

    @Test
    void sequentialNamesStatsAndErrorsMatchApacheZooKeeper() throws Exception {
        ZooKeeperReference reference = ZooKeeperReference.start();
        String connect = reference.connectString();
        ZooKeeper zk1 = new ZooKeeper(connect, 10000, e -> { });
        ZooKeeper zk2 = new ZooKeeper(connect, 10000, e -> { });
        try {
            Timing.await(Duration.ofSeconds(20)).until(() ->
                    zk1.getState().isConnected() && zk2.getState().isConnected());
            List<String> expected = scenario(new RealZooKeeper(zk1, zk2));
            List<String> actual = scenario(new Paddock(new TreeHarness()));
            assertEquals(String.join("\n", expected), String.join("\n", actual));
        } finally {
            zk1.close();
            zk2.close();
            reference.close();
        }
    }

    /**
     * The same kind of sequence sent without waiting for replies: ZooKeeper validates each
     * request against the outstanding ones; Paddock prepares all before applying any.
     */
    @Test
    void pipelinedRequestsMatchApacheZooKeeper() throws Exception {
        ZooKeeperReference reference = ZooKeeperReference.start();
        ZooKeeper zk = new ZooKeeper(reference.connectString(), 10000, e -> { });
        try {
            Timing.await(Duration.ofSeconds(20)).until(() -> zk.getState().isConnected());
            List<java.util.concurrent.CompletableFuture<String>> replies = new ArrayList<>();
            for (MultiOp op : pipeline()) {
                replies.add(sendAsync(zk, op));
            }
            List<String> expected = new ArrayList<>();
            for (var reply : replies) {
                expected.add(Timing.get(reply, Duration.ofSeconds(20)));
            }
            expected.add(new RealZooKeeper(zk, zk).stat("/q"));
            expected.add(new RealZooKeeper(zk, zk).children("/q").toString());

            TreeHarness h = new TreeHarness();
            List<Prepared> prepared = new ArrayList<>();
            for (MultiOp op : pipeline()) {
                prepared.add(h.prepare(1, op.type(), op.request(), List.of()));
            }
            List<String> actual = new ArrayList<>();
            for (Prepared p : prepared) {
                TreeHarness.Outcome o = h.apply(p);
                actual.add(o.error() != ErrorCode.OK ? "error " + o.error().code()
                        : o.response() instanceof io.paddock.protocol.CreateResponse c
                        ? "created " + c.path() : "ok");
            }
            Paddock view = new Paddock(h);
            actual.add(view.stat("/q"));
            actual.add(view.children("/q").toString());
            assertEquals(String.join("\n", expected), String.join("\n", actual));
        } finally {
            zk.close();
            reference.close();
        }
    }

    private static List<MultiOp> pipeline() {
        return List.of(create("/q", 0), create("/q/s-", 2), create("/q/s-", 2),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/q/s-0000000000", -1)),
                create("/q/s-", 2), create("/q/s-0000000001", 0),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/q", -1)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/q", bytes("z"), 0)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/q", bytes("zz"), 0)),
                create("/q/s-", 2), create("/q/s-0000000002/child-", 2),
                create("/q/s-", 2));
    }

    private static java.util.concurrent.CompletableFuture<String> sendAsync(ZooKeeper zk,
            MultiOp op) {
        java.util.concurrent.CompletableFuture<String> f =
                new java.util.concurrent.CompletableFuture<>();
        org.apache.zookeeper.AsyncCallback.VoidCallback done = (rc, path, ctx) ->
                f.complete(rc == 0 ? "ok" : "error " + rc);
        switch (op.type()) {
            case OpCode.CREATE -> {
                CreateRequest c = (CreateRequest) op.request();
                zk.create(c.path(), c.data(), RealZooKeeper.convert(c.acl()),
                        CreateMode.values()[RealZooKeeper.indexOf(c.flags())],
                        (rc, path, ctx, name) -> f.complete(rc == 0 ? "created " + name
                                : "error " + rc), null);
            }
            case OpCode.DELETE -> {
                DeleteRequest d = (DeleteRequest) op.request();
                zk.delete(d.path(), d.version(), done, null);
            }
            case OpCode.SET_DATA -> {
                SetDataRequest s = (SetDataRequest) op.request();
                zk.setData(s.path(), s.data(), s.version(),
                        (rc, path, ctx, stat) -> f.complete(rc == 0 ? "ok" : "error " + rc),
                        null);
            }
            default -> throw new IllegalArgumentException("op " + op.type());
        }
        return f;
    }

    private static List<String> scenario(Backend b) {
        List<String> t = new ArrayList<>();
        for (String p : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
            t.add("initial " + p + " " + b.stat(p));
        }
        t.add(b.create(1, "/p", "x", 0));
        for (int i = 0; i < 3; i++) {
            t.add(b.create(1, "/p/s-", "", 2));
        }
        t.add(b.delete("/p/s-0000000001", -1));
        t.add(b.create(1, "/p/s-", "", 2));
        t.add(b.create(1, "/p/dup", "", 0));
        t.add(b.create(1, "/p/dup", "", 0));
        t.add(b.create(1, "/p/s-", "", 2));
        t.add(b.create(1, "/p/dup/ch-", "", 2));
        t.add(b.delete("/p/dup", -1));
        t.add(b.delete("/p/missing", -1));
        t.add(b.setData("/p/dup", "abc", 0));
        t.add(b.setData("/p/dup", "abcd", 0));
        t.add(b.setData("/p/dup", "ab", -1));
        t.add(b.setAcl("/p/dup", ACL.OPEN_ACL_UNSAFE, -1));
        t.add(b.setAcl("/p/dup", List.of(), -1));
        t.add(b.multi(List.of(create("/p/m-", 2), create("/p/dup", 0), create("/p/n", 0))));
        t.add(b.create(1, "/p/s-", "", 2));
        t.add(b.multi(List.of(create("/p/m-", 2), create("/p/m-", 2),
                new MultiOp(OpCode.CHECK, new CheckVersionRequest("/p", -1)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/p", bytes("y"), -1)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/p/s-0000000000", -1)))));
        t.add(b.multi(List.of(new MultiOp(OpCode.CHECK, new CheckVersionRequest("/p", 7)))));
        t.add(b.create(2, "/p/e-", "", 3));
        t.add(b.create(2, "/p/e-", "", 3));
        t.add(b.create(2, "/p/e-0000000011/x", "", 0));
        t.add(b.create(1, "/p/s-", "", 2));
        b.closeSession2();
        t.add(b.create(1, "/p/s-", "", 2));
        t.add(b.create(1, "/c", "", 4));
        t.add(b.create(1, "/c/a", "", 0));
        t.add(b.delete("/c/a", -1));
        t.add(b.delete("/zookeeper", -1));
        for (String p : List.of("/", "/p", "/p/dup", "/p/s-0000000000", "/c", "/p/m-0000000009")) {
            t.add("stat " + p + " " + b.stat(p));
        }
        t.add("children /p " + b.children("/p"));
        return t;
    }

    private static MultiOp create(String path, int flags) {
        return new MultiOp(OpCode.CREATE,
                new CreateRequest(path, new byte[0], ACL.OPEN_ACL_UNSAFE, flags));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String describe(long czxid, long mzxid, long pzxid, int version, int cversion,
            int aversion, long owner, int dataLength, int numChildren) {
        String kind = switch (EphemeralType.of(owner)) {
            case VOID -> "none";
            case NORMAL -> "session";
            case CONTAINER -> "container";
            case TTL -> "ttl";
        };
        return "v=" + version + " cv=" + cversion + " av=" + aversion + " n=" + numChildren
                + " len=" + dataLength + " owner=" + kind + " c=m:" + (czxid == mzxid)
                + " p=c:" + (pzxid == czxid) + " zero:" + (czxid == 0);
    }

    /** The real thing, through the official client. */
    private static final class RealZooKeeper implements Backend {
        private final ZooKeeper zk1;
        private final ZooKeeper zk2;

        RealZooKeeper(ZooKeeper zk1, ZooKeeper zk2) {
            this.zk1 = zk1;
            this.zk2 = zk2;
        }

        @Override
        public String create(int session, String path, String data, int flags) {
            try {
                ZooKeeper zk = session == 1 ? zk1 : zk2;
                CreateMode mode = CreateMode.fromFlag(flags);
                return "created " + zk.create(path, bytes(data), convert(ACL.OPEN_ACL_UNSAFE),
                        mode);
            } catch (KeeperException e) {
                return "error " + e.code().intValue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String delete(String path, int version) {
            try {
                zk1.delete(path, version);
                return "deleted " + path;
            } catch (IllegalArgumentException e) {
                return "error " + ErrorCode.BAD_ARGUMENTS.code();
            } catch (KeeperException e) {
                return "error " + e.code().intValue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String setData(String path, String data, int version) {
            try {
                org.apache.zookeeper.data.Stat s = zk1.setData(path, bytes(data), version);
                return "setData " + describe(s);
            } catch (KeeperException e) {
                return "error " + e.code().intValue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String setAcl(String path, List<ACL> acl, int version) {
            try {
                return "setAcl " + describe(zk1.setACL(path, convert(acl), version));
            } catch (KeeperException e) {
                return "error " + e.code().intValue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String multi(List<MultiOp> ops) {
            List<Op> zkOps = new ArrayList<>();
            for (MultiOp op : ops) {
                zkOps.add(convert(op));
            }
            try {
                return "multi ok " + results(zk1.multi(zkOps));
            } catch (KeeperException e) {
                return "multi error " + e.code().intValue() + " " + results(e.getResults());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String stat(String path) {
            try {
                org.apache.zookeeper.data.Stat s = zk1.exists(path, false);
                return s == null ? "none" : describe(s);
            } catch (KeeperException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> children(String path) {
            try {
                List<String> c = new ArrayList<>(zk1.getChildren(path, false));
                c.sort(null);
                return c;
            } catch (KeeperException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void closeSession2() {
            try {
                zk2.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String results(List<OpResult> results) {
            List<String> out = new ArrayList<>();
            for (OpResult r : results) {
                if (r instanceof OpResult.ErrorResult e) {
                    out.add("err" + e.getErr());
                } else if (r instanceof OpResult.CreateResult c) {
                    out.add("create " + c.getPath());
                } else if (r instanceof OpResult.SetDataResult s) {
                    out.add("setData " + describe(s.getStat()));
                } else {
                    out.add(r.getClass().getSimpleName());
                }
            }
            return out.toString();
        }

        private static String describe(org.apache.zookeeper.data.Stat s) {
            return ZooKeeperParityTest.describe(s.getCzxid(), s.getMzxid(), s.getPzxid(),
                    s.getVersion(), s.getCversion(), s.getAversion(), s.getEphemeralOwner(),
                    s.getDataLength(), s.getNumChildren());
        }

        private static Op convert(MultiOp op) {
            return switch (op.type()) {
                case OpCode.CREATE -> {
                    CreateRequest c = (CreateRequest) op.request();
                    yield Op.create(c.path(), c.data(), convert(c.acl()),
                            CreateMode.values()[indexOf(c.flags())]);
                }
                case OpCode.DELETE -> {
                    DeleteRequest d = (DeleteRequest) op.request();
                    yield Op.delete(d.path(), d.version());
                }
                case OpCode.SET_DATA -> {
                    SetDataRequest s = (SetDataRequest) op.request();
                    yield Op.setData(s.path(), s.data(), s.version());
                }
                case OpCode.CHECK -> {
                    CheckVersionRequest c = (CheckVersionRequest) op.request();
                    yield Op.check(c.path(), c.version());
                }
                default -> throw new IllegalArgumentException("op " + op.type());
            };
        }

        static int indexOf(int flags) {
            for (CreateMode m : CreateMode.values()) {
                if (m.toFlag() == flags) {
                    return m.ordinal();
                }
            }
            throw new IllegalArgumentException("flags " + flags);
        }

        static List<org.apache.zookeeper.data.ACL> convert(List<ACL> acl) {
            List<org.apache.zookeeper.data.ACL> out = new ArrayList<>();
            for (ACL a : acl) {
                out.add(new org.apache.zookeeper.data.ACL(a.perms(),
                        new org.apache.zookeeper.data.Id(a.id().scheme(), a.id().id())));
            }
            return out;
        }
    }

    /** RequestPreparer + DataTree, driven directly. */
    private static final class Paddock implements Backend {
        private final TreeHarness h;

        Paddock(TreeHarness h) {
            this.h = h;
        }

        @Override
        public String create(int session, String path, String data, int flags) {
            int op = flags == 4 ? OpCode.CREATE_CONTAINER : OpCode.CREATE;
            TreeHarness.Outcome o = h.write(session, op,
                    new CreateRequest(path, bytes(data), ACL.OPEN_ACL_UNSAFE, flags));
            if (o.error() != ErrorCode.OK) {
                return "error " + o.error().code();
            }
            return "created " + (o.response() instanceof io.paddock.protocol.CreateResponse c
                    ? c.path() : ((io.paddock.protocol.Create2Response) o.response()).path());
        }

        @Override
        public String delete(String path, int version) {
            TreeHarness.Outcome o = h.write(1, OpCode.DELETE, new DeleteRequest(path, version));
            return o.error() == ErrorCode.OK ? "deleted " + path : "error " + o.error().code();
        }

        @Override
        public String setData(String path, String data, int version) {
            TreeHarness.Outcome o = h.write(1, OpCode.SET_DATA,
                    new SetDataRequest(path, bytes(data), version));
            return o.error() == ErrorCode.OK
                    ? "setData " + describe(((io.paddock.protocol.SetDataResponse) o.response())
                            .stat())
                    : "error " + o.error().code();
        }

        @Override
        public String setAcl(String path, List<ACL> acl, int version) {
            TreeHarness.Outcome o = h.write(1, OpCode.SET_ACL,
                    new SetACLRequest(path, acl, version));
            return o.error() == ErrorCode.OK
                    ? "setAcl " + describe(((io.paddock.protocol.SetACLResponse) o.response())
                            .stat())
                    : "error " + o.error().code();
        }

        @Override
        public String multi(List<MultiOp> ops) {
            TreeHarness.Outcome o = h.write(1, OpCode.MULTI, new MultiRequest(ops));
            List<String> out = new ArrayList<>();
            int firstError = 0;
            for (MultiResult r : ((MultiResponse) o.response()).results()) {
                if (r.type() == OpCode.ERROR) {
                    out.add("err" + r.err());
                    if (firstError == 0 && r.err() != 0) {
                        firstError = r.err();
                    }
                } else if (r.response() instanceof io.paddock.protocol.CreateResponse c) {
                    out.add("create " + c.path());
                } else if (r.response() instanceof io.paddock.protocol.SetDataResponse s) {
                    out.add("setData " + describe(s.stat()));
                } else {
                    out.add(r.type() == OpCode.CHECK ? "CheckResult" : "DeleteResult");
                }
            }
            return firstError == 0 ? "multi ok " + out : "multi error " + firstError + " " + out;
        }

        @Override
        public String stat(String path) {
            ReadResult r = h.read(OpCode.EXISTS, new ExistsRequest(path, false));
            return r.error() == ErrorCode.NO_NODE ? "none"
                    : describe(((ExistsResponse) r.response()).stat());
        }

        @Override
        public List<String> children(String path) {
            ReadResult r = h.read(OpCode.GET_CHILDREN, new GetChildrenRequest(path, false));
            List<String> c = new ArrayList<>(((GetChildrenResponse) r.response()).children());
            c.sort(null);
            return c;
        }

        @Override
        public void closeSession2() {
            h.write(2, OpCode.CLOSE_SESSION, io.paddock.protocol.EmptyRequest.INSTANCE);
        }

        private static String describe(Stat s) {
            return ZooKeeperParityTest.describe(s.czxid(), s.mzxid(), s.pzxid(), s.version(),
                    s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(),
                    s.numChildren());
        }
    }
}
