package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.op.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One filled-in value of every record, with the reader that should parse it back. */
final class Samples {
    static final Stat STAT = new Stat(1L, 2L, 3L, 4L, 5, 6, 7, 8L, 9, 10, 11L);
    static final List<ACL> ACLS = List.of(
            new ACL(ACL.Perms.ALL, Id.ANYONE), new ACL(ACL.Perms.READ, new Id("digest", "bob:x")));
    static final byte[] DATA = "héllo".getBytes(StandardCharsets.UTF_8);
    static final byte[] PASSWD = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    record Sample(String name, Record record, Function<JuteInput, Record> reader) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Samples() {
    }

    static MultiRequest multiRequest() {
        return new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE, new CreateRequest("/a", DATA, ACLS, 0)),
                new MultiOp(OpCode.CREATE_TTL, new CreateTTLRequest("/t", DATA, ACLS, 5, 1000L)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/b", 3)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest("/c", DATA, -1)),
                new MultiOp(OpCode.CHECK, new CheckVersionRequest("/d", 7))));
    }

    static MultiResponse multiResponse() {
        return new MultiResponse(List.of(
                new MultiResult(OpCode.CREATE, 0, new CreateResponse("/a")),
                new MultiResult(OpCode.CREATE2, 0, new Create2Response("/a2", STAT)),
                new MultiResult(OpCode.DELETE, 0, null),
                new MultiResult(OpCode.SET_DATA, 0, new SetDataResponse(STAT)),
                new MultiResult(OpCode.CHECK, 0, null),
                new MultiResult(OpCode.GET_CHILDREN, 0, new GetChildrenResponse(List.of("x", "y"))),
                new MultiResult(OpCode.GET_DATA, 0, new GetDataResponse(DATA, STAT))));
    }

    static MultiResponse errorMultiResponse() {
        return new MultiResponse(List.of(
                MultiResult.error(0), MultiResult.error(-101), MultiResult.error(-2)));
    }

    static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        s.add(new Sample("ConnectRequest",
                new ConnectRequest(0, 42L, 30000, 0x1234L, PASSWD, true), ConnectRequest::read));
        s.add(new Sample("ConnectResponse",
                new ConnectResponse(0, 30000, 0x1234L, PASSWD, true), ConnectResponse::read));
        s.add(new Sample("RequestHeader",
                new RequestHeader(7, OpCode.CREATE), RequestHeader::read));
        s.add(new Sample("ReplyHeader", new ReplyHeader(7, 99L, -101), ReplyHeader::read));
        s.add(new Sample("MultiHeader", new MultiHeader(1, false, -1), MultiHeader::read));
        s.add(new Sample("AuthPacket", new AuthPacket(0, "digest", DATA), AuthPacket::read));
        s.add(new Sample("SetWatches",
                new SetWatches(5L, List.of("/a"), List.of(), List.of("/b", "/c")),
                SetWatches::read));
        s.add(new Sample("SetWatches2", new SetWatches2(5L, List.of("/a"), List.of(), List.of("/b"),
                List.of("/p"), List.of("/r", "/s")), SetWatches2::read));
        s.add(new Sample("GetDataRequest", new GetDataRequest("/a", true), GetDataRequest::read));
        s.add(new Sample("GetDataResponse",
                new GetDataResponse(DATA, STAT), GetDataResponse::read));
        s.add(new Sample("SetDataRequest",
                new SetDataRequest("/a", DATA, 3), SetDataRequest::read));
        s.add(new Sample("SetDataResponse", new SetDataResponse(STAT), SetDataResponse::read));
        s.add(new Sample("CreateRequest",
                new CreateRequest("/a", DATA, ACLS, 2), CreateRequest::read));
        s.add(new Sample("CreateTTLRequest",
                new CreateTTLRequest("/a", DATA, ACLS, 5, 60000L), CreateTTLRequest::read));
        s.add(new Sample("CreateResponse", new CreateResponse("/a0001"), CreateResponse::read));
        s.add(new Sample("Create2Response",
                new Create2Response("/a", STAT), Create2Response::read));
        s.add(new Sample("DeleteRequest", new DeleteRequest("/a", -1), DeleteRequest::read));
        s.add(new Sample("ExistsRequest", new ExistsRequest("/a", true), ExistsRequest::read));
        s.add(new Sample("ExistsResponse", new ExistsResponse(STAT), ExistsResponse::read));
        s.add(new Sample("GetChildrenRequest",
                new GetChildrenRequest("/a", false), GetChildrenRequest::read));
        s.add(new Sample("GetChildrenResponse",
                new GetChildrenResponse(List.of("b", "c")), GetChildrenResponse::read));
        s.add(new Sample("GetChildren2Request",
                new GetChildren2Request("/a", true), GetChildren2Request::read));
        s.add(new Sample("GetChildren2Response",
                new GetChildren2Response(List.of("b"), STAT), GetChildren2Response::read));
        s.add(new Sample("GetAllChildrenNumberRequest",
                new GetAllChildrenNumberRequest("/a"), GetAllChildrenNumberRequest::read));
        s.add(new Sample("GetAllChildrenNumberResponse",
                new GetAllChildrenNumberResponse(17), GetAllChildrenNumberResponse::read));
        s.add(new Sample("GetEphemeralsRequest",
                new GetEphemeralsRequest("/"), GetEphemeralsRequest::read));
        s.add(new Sample("GetEphemeralsResponse",
                new GetEphemeralsResponse(List.of("/e1", "/e2")), GetEphemeralsResponse::read));
        s.add(new Sample("CheckVersionRequest",
                new CheckVersionRequest("/a", 4), CheckVersionRequest::read));
        s.add(new Sample("SyncRequest", new SyncRequest("/a"), SyncRequest::read));
        s.add(new Sample("SyncResponse", new SyncResponse("/a"), SyncResponse::read));
        s.add(new Sample("GetACLRequest", new GetACLRequest("/a"), GetACLRequest::read));
        s.add(new Sample("GetACLResponse", new GetACLResponse(ACLS, STAT), GetACLResponse::read));
        s.add(new Sample("SetACLRequest", new SetACLRequest("/a", ACLS, 2), SetACLRequest::read));
        s.add(new Sample("SetACLResponse", new SetACLResponse(STAT), SetACLResponse::read));
        s.add(new Sample("AddWatchRequest", new AddWatchRequest("/a", 1), AddWatchRequest::read));
        s.add(new Sample("CheckWatchesRequest",
                new CheckWatchesRequest("/a", 3), CheckWatchesRequest::read));
        s.add(new Sample("RemoveWatchesRequest",
                new RemoveWatchesRequest("/a", 1), RemoveWatchesRequest::read));
        s.add(new Sample("ErrorResponse", new ErrorResponse(-110), ErrorResponse::read));
        s.add(new Sample("ReconfigRequest",
                new ReconfigRequest("server.4=h:1:2", null, null, -1L), ReconfigRequest::read));
        s.add(new Sample("GetSASLRequest", new GetSASLRequest(DATA), GetSASLRequest::read));
        s.add(new Sample("SetSASLResponse", new SetSASLResponse(DATA), SetSASLResponse::read));
        s.add(new Sample("ClientInfo", new ClientInfo("ip", "127.0.0.1"), ClientInfo::read));
        s.add(new Sample("WhoAmIResponse", new WhoAmIResponse(List.of(
                new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "bob"))),
                WhoAmIResponse::read));
        s.add(new Sample("WatcherEvent", new WatcherEvent(1, 3, "/a"), WatcherEvent::read));
        s.add(new Sample("MultiRequest", multiRequest(), MultiRequest::read));
        s.add(new Sample("MultiResponse", multiResponse(), MultiResponse::read));
        s.add(new Sample("ErrorMultiResponse", errorMultiResponse(), MultiResponse::read));
        return s;
    }
}
