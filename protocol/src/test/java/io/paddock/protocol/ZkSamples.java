package io.paddock.protocol;

import io.paddock.protocol.Samples.Sample;
import io.paddock.protocol.ZooKeeperCompatibilityTest.Pair;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.proto.WhoAmIResponse;

/** The same values as our samples, built with ZooKeeper 3.9.5's own jute classes. */
final class ZkSamples {
    private static final String P = "/a";

    private ZkSamples() {
    }

    static org.apache.zookeeper.data.Stat zkStat() {
        Stat s = Samples.STAT;
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(),
                s.version(), s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(),
                s.numChildren(), s.pzxid());
    }

    static List<org.apache.zookeeper.data.ACL> zkAcls() {
        List<org.apache.zookeeper.data.ACL> out = new ArrayList<>();
        for (ACL a : Samples.ACLS) {
            out.add(new org.apache.zookeeper.data.ACL(a.perms(),
                    new org.apache.zookeeper.data.Id(a.id().scheme(), a.id().id())));
        }
        return out;
    }

    private static Pair pair(Record ours, Function<JuteInput, Record> reader,
            org.apache.jute.Record theirs, Supplier<org.apache.jute.Record> blank) {
        return new Pair(new Sample(ours.getClass().getSimpleName(), ours, reader), theirs, blank);
    }

    static List<Pair> pairs() {
        List<Pair> l = new ArrayList<>();
        l.addAll(session());
        l.addAll(reads());
        l.addAll(writes());
        l.addAll(multis());
        return l;
    }

    private static List<Pair> session() {
        byte[] pw = Samples.PASSWD;
        List<String> a = List.of("/a");
        List<String> none = List.of();
        return List.of(
                pair(new ConnectRequest(0, 42L, 30000, 7L, pw, true), ConnectRequest::read,
                        new org.apache.zookeeper.proto.ConnectRequest(0, 42L, 30000, 7L, pw, true),
                        org.apache.zookeeper.proto.ConnectRequest::new),
                pair(new ConnectRequest(0, 0L, 5000, 0L, new byte[16], false), ConnectRequest::read,
                        new org.apache.zookeeper.proto.ConnectRequest(0, 0L, 5000, 0L,
                                new byte[16], false),
                        org.apache.zookeeper.proto.ConnectRequest::new),
                pair(new ConnectResponse(0, 30000, 7L, pw, true), ConnectResponse::read,
                        new org.apache.zookeeper.proto.ConnectResponse(0, 30000, 7L, pw, true),
                        org.apache.zookeeper.proto.ConnectResponse::new),
                pair(new ConnectResponse(0, 4000, 7L, pw, false), ConnectResponse::read,
                        new org.apache.zookeeper.proto.ConnectResponse(0, 4000, 7L, pw, false),
                        org.apache.zookeeper.proto.ConnectResponse::new),
                pair(new RequestHeader(5, OpCode.GET_DATA), RequestHeader::read,
                        new org.apache.zookeeper.proto.RequestHeader(5, OpCode.GET_DATA),
                        org.apache.zookeeper.proto.RequestHeader::new),
                pair(new ReplyHeader(5, 99L, -101), ReplyHeader::read,
                        new org.apache.zookeeper.proto.ReplyHeader(5, 99L, -101),
                        org.apache.zookeeper.proto.ReplyHeader::new),
                pair(new AuthPacket(0, "digest", Samples.DATA), AuthPacket::read,
                        new org.apache.zookeeper.proto.AuthPacket(0, "digest", Samples.DATA),
                        org.apache.zookeeper.proto.AuthPacket::new),
                pair(new SetWatches(3L, a, none, a), SetWatches::read,
                        new org.apache.zookeeper.proto.SetWatches(3L, a, none, a),
                        org.apache.zookeeper.proto.SetWatches::new),
                pair(new SetWatches2(3L, a, none, a, a, none), SetWatches2::read,
                        new org.apache.zookeeper.proto.SetWatches2(3L, a, none, a, a, none),
                        org.apache.zookeeper.proto.SetWatches2::new),
                pair(new WatcherEvent(3, 3, P), WatcherEvent::read,
                        new org.apache.zookeeper.proto.WatcherEvent(3, 3, P),
                        org.apache.zookeeper.proto.WatcherEvent::new),
                pair(new GetSASLRequest(Samples.DATA), GetSASLRequest::read,
                        new org.apache.zookeeper.proto.GetSASLRequest(Samples.DATA),
                        org.apache.zookeeper.proto.GetSASLRequest::new),
                pair(new SetSASLResponse(Samples.DATA), SetSASLResponse::read,
                        new org.apache.zookeeper.proto.SetSASLResponse(Samples.DATA),
                        org.apache.zookeeper.proto.SetSASLResponse::new),
                pair(new io.paddock.protocol.WhoAmIResponse(List.of(
                                new io.paddock.protocol.ClientInfo("ip", "127.0.0.1"))),
                        io.paddock.protocol.WhoAmIResponse::read,
                        new WhoAmIResponse(List.of(new ClientInfo("ip", "127.0.0.1"))),
                        WhoAmIResponse::new));
    }

    private static List<Pair> reads() {
        List<String> kids = List.of("b", "c");
        return List.of(
                pair(new GetDataRequest(P, true), GetDataRequest::read,
                        new org.apache.zookeeper.proto.GetDataRequest(P, true),
                        org.apache.zookeeper.proto.GetDataRequest::new),
                pair(new GetDataResponse(Samples.DATA, Samples.STAT), GetDataResponse::read,
                        new org.apache.zookeeper.proto.GetDataResponse(Samples.DATA, zkStat()),
                        org.apache.zookeeper.proto.GetDataResponse::new),
                pair(new ExistsRequest(P, false), ExistsRequest::read,
                        new org.apache.zookeeper.proto.ExistsRequest(P, false),
                        org.apache.zookeeper.proto.ExistsRequest::new),
                pair(new ExistsResponse(Samples.STAT), ExistsResponse::read,
                        new org.apache.zookeeper.proto.ExistsResponse(zkStat()),
                        org.apache.zookeeper.proto.ExistsResponse::new),
                pair(new GetChildrenRequest(P, true), GetChildrenRequest::read,
                        new org.apache.zookeeper.proto.GetChildrenRequest(P, true),
                        org.apache.zookeeper.proto.GetChildrenRequest::new),
                pair(new GetChildrenResponse(kids), GetChildrenResponse::read,
                        new org.apache.zookeeper.proto.GetChildrenResponse(kids),
                        org.apache.zookeeper.proto.GetChildrenResponse::new),
                pair(new GetChildren2Request(P, false), GetChildren2Request::read,
                        new org.apache.zookeeper.proto.GetChildren2Request(P, false),
                        org.apache.zookeeper.proto.GetChildren2Request::new),
                pair(new GetChildren2Response(kids, Samples.STAT), GetChildren2Response::read,
                        new org.apache.zookeeper.proto.GetChildren2Response(kids, zkStat()),
                        org.apache.zookeeper.proto.GetChildren2Response::new),
                pair(new GetACLResponse(Samples.ACLS, Samples.STAT), GetACLResponse::read,
                        new org.apache.zookeeper.proto.GetACLResponse(zkAcls(), zkStat()),
                        org.apache.zookeeper.proto.GetACLResponse::new),
                pair(new GetAllChildrenNumberResponse(12), GetAllChildrenNumberResponse::read,
                        new org.apache.zookeeper.proto.GetAllChildrenNumberResponse(12),
                        org.apache.zookeeper.proto.GetAllChildrenNumberResponse::new),
                pair(new GetEphemeralsResponse(kids), GetEphemeralsResponse::read,
                        new org.apache.zookeeper.proto.GetEphemeralsResponse(kids),
                        org.apache.zookeeper.proto.GetEphemeralsResponse::new),
                pair(new SyncRequest(P), SyncRequest::read,
                        new org.apache.zookeeper.proto.SyncRequest(P),
                        org.apache.zookeeper.proto.SyncRequest::new),
                pair(new AddWatchRequest(P, 1), AddWatchRequest::read,
                        new org.apache.zookeeper.proto.AddWatchRequest(P, 1),
                        org.apache.zookeeper.proto.AddWatchRequest::new),
                pair(new RemoveWatchesRequest(P, 2), RemoveWatchesRequest::read,
                        new org.apache.zookeeper.proto.RemoveWatchesRequest(P, 2),
                        org.apache.zookeeper.proto.RemoveWatchesRequest::new));
    }

    private static List<Pair> writes() {
        byte[] d = Samples.DATA;
        return List.of(
                pair(new CreateRequest(P, d, Samples.ACLS, 3), CreateRequest::read,
                        new org.apache.zookeeper.proto.CreateRequest(P, d, zkAcls(), 3),
                        org.apache.zookeeper.proto.CreateRequest::new),
                pair(new CreateTTLRequest(P, d, Samples.ACLS, 5, 9L), CreateTTLRequest::read,
                        new org.apache.zookeeper.proto.CreateTTLRequest(P, d, zkAcls(), 5, 9L),
                        org.apache.zookeeper.proto.CreateTTLRequest::new),
                pair(new CreateResponse(P), CreateResponse::read,
                        new org.apache.zookeeper.proto.CreateResponse(P),
                        org.apache.zookeeper.proto.CreateResponse::new),
                pair(new Create2Response(P, Samples.STAT), Create2Response::read,
                        new org.apache.zookeeper.proto.Create2Response(P, zkStat()),
                        org.apache.zookeeper.proto.Create2Response::new),
                pair(new DeleteRequest(P, -1), DeleteRequest::read,
                        new org.apache.zookeeper.proto.DeleteRequest(P, -1),
                        org.apache.zookeeper.proto.DeleteRequest::new),
                pair(new SetDataRequest(P, d, 4), SetDataRequest::read,
                        new org.apache.zookeeper.proto.SetDataRequest(P, d, 4),
                        org.apache.zookeeper.proto.SetDataRequest::new),
                pair(new SetDataResponse(Samples.STAT), SetDataResponse::read,
                        new org.apache.zookeeper.proto.SetDataResponse(zkStat()),
                        org.apache.zookeeper.proto.SetDataResponse::new),
                pair(new SetACLRequest(P, Samples.ACLS, 1), SetACLRequest::read,
                        new org.apache.zookeeper.proto.SetACLRequest(P, zkAcls(), 1),
                        org.apache.zookeeper.proto.SetACLRequest::new),
                pair(new CheckVersionRequest(P, 6), CheckVersionRequest::read,
                        new org.apache.zookeeper.proto.CheckVersionRequest(P, 6),
                        org.apache.zookeeper.proto.CheckVersionRequest::new),
                pair(new ReconfigRequest("server.4=h:1:2", "", "", -1L), ReconfigRequest::read,
                        new org.apache.zookeeper.proto.ReconfigRequest(
                                "server.4=h:1:2", "", "", -1L),
                        org.apache.zookeeper.proto.ReconfigRequest::new),
                pair(new ErrorResponse(-101), ErrorResponse::read,
                        new org.apache.zookeeper.proto.ErrorResponse(-101),
                        org.apache.zookeeper.proto.ErrorResponse::new),
                pair(new MultiHeader(OpCode.CREATE, false, -1), MultiHeader::read,
                        new org.apache.zookeeper.proto.MultiHeader(OpCode.CREATE, false, -1),
                        org.apache.zookeeper.proto.MultiHeader::new));
    }

    private static List<Pair> multis() {
        List<Op> write = List.of(
                Op.create(P, Samples.DATA, zkAcls(), 0),
                Op.delete("/b", 3),
                Op.setData("/c", Samples.DATA, -1),
                Op.check("/d", 7));
        MultiRequest ourWrite = new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE, new CreateRequest(P, Samples.DATA, Samples.ACLS, 0)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/b", 3)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/c", Samples.DATA, -1)),
                new MultiOp(OpCode.CHECK, new CheckVersionRequest("/d", 7))));
        List<Op> read = List.of(Op.getChildren(P), Op.getData("/b"));
        MultiRequest ourRead = new MultiRequest(List.of(
                new MultiOp(OpCode.GET_CHILDREN, new GetChildrenRequest(P, false)),
                new MultiOp(OpCode.GET_DATA, new GetDataRequest("/b", false))));
        return List.of(
                pair(ourWrite, MultiRequest::read, new MultiOperationRecord(write),
                        MultiOperationRecord::new),
                pair(ourRead, MultiRequest::read, new MultiOperationRecord(read),
                        MultiOperationRecord::new),
                pair(new MultiRequest(List.of()), MultiRequest::read,
                        new MultiOperationRecord(), MultiOperationRecord::new),
                pair(Samples.multiResponse(), MultiResponse::read, zkMultiResponse(),
                        org.apache.zookeeper.MultiResponse::new),
                pair(Samples.errorMultiResponse(), MultiResponse::read, zkErrorMultiResponse(),
                        org.apache.zookeeper.MultiResponse::new));
    }

    private static org.apache.zookeeper.MultiResponse zkMultiResponse() {
        org.apache.zookeeper.MultiResponse r = new org.apache.zookeeper.MultiResponse();
        r.add(new OpResult.CreateResult("/a"));
        r.add(new OpResult.CreateResult("/a2", zkStat()));
        r.add(new OpResult.DeleteResult());
        r.add(new OpResult.SetDataResult(zkStat()));
        r.add(new OpResult.CheckResult());
        r.add(new OpResult.GetChildrenResult(List.of("x", "y")));
        r.add(new OpResult.GetDataResult(Samples.DATA, zkStat()));
        return r;
    }

    private static org.apache.zookeeper.MultiResponse zkErrorMultiResponse() {
        org.apache.zookeeper.MultiResponse r = new org.apache.zookeeper.MultiResponse();
        r.add(new OpResult.ErrorResult(0));
        r.add(new OpResult.ErrorResult(-101));
        r.add(new OpResult.ErrorResult(-2));
        return r;
    }
}
