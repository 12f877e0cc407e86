package io.paddock.server.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.MultiResponse;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ExistsResponse;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.ReconfigRequest;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetACLResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;
import org.apache.zookeeper.proto.SyncRequest;
import org.junit.jupiter.api.Test;

/**
 * Which replies take a zxid, pinned as one session's transcript: a scripted mix of writes that
 * succeed and writes that fail validation, with reads between them. Every reply's header zxid
 * and the czxid/mzxid/pzxid of the nodes touched are written relative to the session's first
 * reply, so the golden list below is the same for any server that numbers txns as ZooKeeper
 * does: a write that fails in validation still takes the next zxid (logged as an error txn) and
 * its reply carries it; a read takes none and carries the last applied one.
 */
abstract class ZxidTranscriptContract extends CompatTestBase {
    private static final int TIMEOUT_MS = 30_000;

    private static final int UNIMPLEMENTED = -6;

    /** Read off Apache ZooKeeper 3.9.5; Paddock must produce it line for line. */
    static final List<String> GOLDEN = List.of(
            "create2 /t: err=0 zxid=+0 czxid=+0 mzxid=+0 pzxid=+0",
            "create2 /t again: err=-110 zxid=+1",
            "delete /missing: err=-101 zxid=+2",
            "setData /t v=5: err=-103 zxid=+3",
            "setData /t v=0: err=0 zxid=+4 czxid=+0 mzxid=+4 pzxid=+0",
            "create2 /t/c: err=0 zxid=+5 czxid=+5 mzxid=+5 pzxid=+5",
            "delete /t (not empty): err=-111 zxid=+6",
            "multi create,setData v=99,delete: err=0 zxid=+7 results=[0, -103, -2]",
            "exists /t/m: err=-101 zxid=+7",
            "exists /t: err=0 zxid=+7 czxid=+0 mzxid=+4 pzxid=+5",
            "setACL /t v=-1: err=0 zxid=+8 czxid=+0 mzxid=+4 pzxid=+5",
            "setACL /t v=7: err=-103 zxid=+9",
            "create2 /t/e ephemeral: err=0 zxid=+10 czxid=+10 mzxid=+10 pzxid=+10",
            "create2 /t/e/x: err=-108 zxid=+11",
            "create2 /bad invalid ACL: err=-114 zxid=+12",
            "create2 no-slash: err=-8 zxid=+13",
            "createTTL /ttl ttl=0: err=-8 zxid=+14",
            "delete /zookeeper: err=-8 zxid=+15",
            "create2 /ro read-only ACL: err=0 zxid=+16 czxid=+16 mzxid=+16 pzxid=+16",
            "setData /ro: err=-102 zxid=+17",
            "reconfig: err=-123 zxid=+18",
            "sync /: err=0 zxid=+18",
            "getData /t: err=0 zxid=+18 czxid=+0 mzxid=+4 pzxid=+10",
            "delete /t/c: err=0 zxid=+19",
            "exists /t: err=0 zxid=+19 czxid=+0 mzxid=+4 pzxid=+19",
            "multi create /t/n,setData /t/n: err=0 zxid=+20 results=[1, 5]",
            "exists /t/n: err=0 zxid=+20 czxid=+20 mzxid=+20 pzxid=+20",
            "closeSession: err=0 zxid=+21");

    @Test
    @FreshServer("zxids, which other sessions' txns (a leftover session's expiry) would interleave")
    void failedWritesTakeTheNextZxidAndReadsTakeNone() throws Exception {
        List<String> transcript;
        try (WireSession s = WireSession.open(server.port(), TIMEOUT_MS)) {
            transcript = new Script(s).run();
        }
        assertEquals(String.join("\n", GOLDEN), String.join("\n", transcript));
    }

    /**
     * ZooKeeper 3.9 knows check only inside a multi: alone it is an unknown request, refused
     * before it could take a zxid (its connection may be closed after the answer).
     */
    @Test
    @FreshServer("zxids, which other sessions' txns (a leftover session's expiry) would interleave")
    void checkOutsideMultiIsRefusedWithoutAZxid() throws Exception {
        long first;
        try (WireSession s = WireSession.open(server.port(), TIMEOUT_MS)) {
            WireSession.Reply created = s.call(OpCode.create2, new CreateRequest("/x",
                    new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT.toFlag()));
            first = created.read(new Create2Response()).getStat().getCzxid();
            assertEquals(UNIMPLEMENTED, s.call(OpCode.check, new CheckVersionRequest("/x", 0)).err());
        }
        try (WireSession s = WireSession.open(server.port(), TIMEOUT_MS)) {
            WireSession.Reply created = s.call(OpCode.create2, new CreateRequest("/y",
                    new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT.toFlag()));
            // One zxid between them: the second session's createSession, none for the check.
            assertEquals(first + 2, created.read(new Create2Response()).getStat().getCzxid());
        }
    }

    /** The scripted session; each step adds one line to the transcript. */
    private static final class Script {
        private final WireSession s;
        private final List<String> lines = new ArrayList<>();
        private long base = -1;

        Script(WireSession s) {
            this.s = s;
        }

        List<String> run() throws IOException {
            create("create2 /t", "/t", Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            create("create2 /t again", "/t", Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            plain("delete /missing", OpCode.delete, new DeleteRequest("/missing", -1));
            setData("setData /t v=5", "/t", 5);
            setData("setData /t v=0", "/t", 0);
            create("create2 /t/c", "/t/c", Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            plain("delete /t (not empty)", OpCode.delete, new DeleteRequest("/t", -1));
            multi("multi create,setData v=99,delete", List.of(
                    Op.create("/t/m", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.setData("/t", new byte[0], 99),
                    Op.delete("/t/c", -1)));
            exists("exists /t/m", "/t/m");
            exists("exists /t", "/t");
            withStat("setACL /t v=-1", OpCode.setACL,
                    new SetACLRequest("/t", Ids.OPEN_ACL_UNSAFE, -1), new SetACLResponse());
            withStat("setACL /t v=7", OpCode.setACL,
                    new SetACLRequest("/t", Ids.OPEN_ACL_UNSAFE, 7), new SetACLResponse());
            create("create2 /t/e ephemeral", "/t/e", Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            create("create2 /t/e/x", "/t/e/x", Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            create("create2 /bad invalid ACL", "/bad",
                    List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", "nocolon"))),
                    CreateMode.PERSISTENT);
            // The official client refuses this path itself; only a hand-made frame sends it.
            create("create2 no-slash", "no-slash", Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            plain("createTTL /ttl ttl=0", OpCode.createTTL, new CreateTTLRequest("/ttl",
                    new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL.toFlag(), 0));
            plain("delete /zookeeper", OpCode.delete, new DeleteRequest("/zookeeper", -1));
            create("create2 /ro read-only ACL", "/ro", Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT);
            setData("setData /ro", "/ro", -1);
            plain("reconfig", OpCode.reconfig, new ReconfigRequest(null, null, "server.1=x", -1));
            plain("sync /", OpCode.sync, new SyncRequest("/"));
            withStat("getData /t", OpCode.getData, new GetDataRequest("/t", false),
                    new GetDataResponse());
            plain("delete /t/c", OpCode.delete, new DeleteRequest("/t/c", -1));
            exists("exists /t", "/t");
            multi("multi create /t/n,setData /t/n", List.of(
                    Op.create("/t/n", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.setData("/t/n", new byte[1], -1)));
            exists("exists /t/n", "/t/n");
            plain("closeSession", OpCode.closeSession, null);
            return lines;
        }

        private void create(String label, String path, List<ACL> acl, CreateMode mode)
                throws IOException {
            withStat(label, OpCode.create2, new CreateRequest(path, new byte[0], acl,
                    mode.toFlag()), new Create2Response());
        }

        private void setData(String label, String path, int version) throws IOException {
            withStat(label, OpCode.setData, new SetDataRequest(path, new byte[0], version),
                    new SetDataResponse());
        }

        private void exists(String label, String path) throws IOException {
            withStat(label, OpCode.exists, new ExistsRequest(path, false), new ExistsResponse());
        }

        private void plain(String label, int op, org.apache.jute.Record request)
                throws IOException {
            lines.add(head(label, s.call(op, request)));
        }

        private void withStat(String label, int op, org.apache.jute.Record request,
                org.apache.jute.Record response) throws IOException {
            WireSession.Reply r = s.call(op, request);
            String line = head(label, r);
            if (r.err() == 0) {
                line += " " + stat(statOf(r.read(response)));
            }
            lines.add(line);
        }

        private void multi(String label, List<Op> ops) throws IOException {
            WireSession.Reply r = s.call(OpCode.multi, new MultiOperationRecord(ops));
            MultiResponse response = r.read(new MultiResponse());
            List<Integer> results = response.getResultList().stream()
                    .map(Script::resultCode).collect(Collectors.toList());
            lines.add(head(label, r) + " results=" + results);
        }

        /** An error result's code; a success is named by its op code. */
        private static int resultCode(OpResult result) {
            return result instanceof OpResult.ErrorResult e ? e.getErr() : result.getType();
        }

        private String head(String label, WireSession.Reply r) {
            if (base < 0) {
                base = r.zxid();
            }
            return label + ": err=" + r.err() + " zxid=" + offset(r.zxid());
        }

        private String stat(Stat st) {
            return "czxid=" + offset(st.getCzxid()) + " mzxid=" + offset(st.getMzxid())
                    + " pzxid=" + offset(st.getPzxid());
        }

        private String offset(long zxid) {
            return "+" + (zxid - base);
        }

        private static Stat statOf(org.apache.jute.Record response) {
            if (response instanceof Create2Response c) {
                return c.getStat();
            } else if (response instanceof SetDataResponse d) {
                return d.getStat();
            } else if (response instanceof SetACLResponse a) {
                return a.getStat();
            } else if (response instanceof ExistsResponse e) {
                return e.getStat();
            } else if (response instanceof GetDataResponse g) {
                return g.getStat();
            }
            throw new IllegalArgumentException("no stat in " + response);
        }
    }
}
