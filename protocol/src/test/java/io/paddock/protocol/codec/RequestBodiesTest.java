package io.paddock.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.ACL;
import io.paddock.protocol.AddWatchRequest;
import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.CheckWatchesRequest;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.ExistsRequest;
import io.paddock.protocol.GetACLRequest;
import io.paddock.protocol.GetAllChildrenNumberRequest;
import io.paddock.protocol.GetChildren2Request;
import io.paddock.protocol.GetChildrenRequest;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.GetEphemeralsRequest;
import io.paddock.protocol.GetSASLRequest;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.ReconfigRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.RemoveWatchesRequest;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.SetWatches;
import io.paddock.protocol.SetWatches2;
import io.paddock.protocol.SyncRequest;
import io.paddock.protocol.op.OpCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {
    private static final byte[] DATA = {1, 2, 3};
    private static final List<ACL> ACLS = ACL.OPEN_ACL_UNSAFE;

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(OpCode.CREATE, new CreateRequest("/a", DATA, ACLS, 0)),
                Arguments.of(OpCode.CREATE2, new CreateRequest("/a", DATA, ACLS, 1)),
                Arguments.of(OpCode.CREATE_CONTAINER, new CreateRequest("/a", DATA, ACLS, 4)),
                Arguments.of(OpCode.CREATE_TTL, new CreateTTLRequest("/a", DATA, ACLS, 5, 10L)),
                Arguments.of(OpCode.DELETE, new DeleteRequest("/a", 1)),
                Arguments.of(OpCode.DELETE_CONTAINER, new DeleteRequest("/a", -1)),
                Arguments.of(OpCode.EXISTS, new ExistsRequest("/a", true)),
                Arguments.of(OpCode.GET_DATA, new GetDataRequest("/a", true)),
                Arguments.of(OpCode.SET_DATA, new SetDataRequest("/a", DATA, 2)),
                Arguments.of(OpCode.GET_ACL, new GetACLRequest("/a")),
                Arguments.of(OpCode.SET_ACL, new SetACLRequest("/a", ACLS, 0)),
                Arguments.of(OpCode.GET_CHILDREN, new GetChildrenRequest("/a", false)),
                Arguments.of(OpCode.GET_CHILDREN2, new GetChildren2Request("/a", true)),
                Arguments.of(OpCode.GET_ALL_CHILDREN_NUMBER, new GetAllChildrenNumberRequest("/")),
                Arguments.of(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/x")),
                Arguments.of(OpCode.SYNC, new SyncRequest("/a")),
                Arguments.of(OpCode.PING, EmptyRequest.INSTANCE),
                Arguments.of(OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE),
                Arguments.of(OpCode.WHO_AM_I, EmptyRequest.INSTANCE),
                Arguments.of(OpCode.AUTH, new AuthPacket(0, "digest", DATA)),
                Arguments.of(OpCode.SET_WATCHES,
                        new SetWatches(1L, List.of("/a"), List.of(), List.of())),
                Arguments.of(OpCode.SET_WATCHES2, new SetWatches2(1L, List.of(), List.of("/e"),
                        List.of(), List.of("/p"), List.of())),
                Arguments.of(OpCode.CHECK_WATCHES, new CheckWatchesRequest("/a", 1)),
                Arguments.of(OpCode.REMOVE_WATCHES, new RemoveWatchesRequest("/a", 3)),
                Arguments.of(OpCode.ADD_WATCH, new AddWatchRequest("/a", 0)),
                Arguments.of(OpCode.MULTI, new MultiRequest(List.of(
                        new MultiOp(OpCode.DELETE, new DeleteRequest("/a", 0))))),
                Arguments.of(OpCode.MULTI_READ, new MultiRequest(List.of(
                        new MultiOp(OpCode.GET_DATA, new GetDataRequest("/a", false))))),
                Arguments.of(OpCode.CHECK, new CheckVersionRequest("/a", 3)),
                Arguments.of(OpCode.RECONFIG, new ReconfigRequest(null, "3", null, -1L)),
                Arguments.of(OpCode.SASL, new GetSASLRequest(DATA)));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void decodesTheBodyOfEveryClientOpCode(int opCode, Record body) {
        JuteInput in = input(bytes(body));
        assertEquals(body, RequestBodies.decode(opCode, in));
        assertEquals(0, in.remaining());
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void truncatedBodiesAreDecodeExceptions(int opCode, Record body) {
        byte[] whole = bytes(body);
        for (int len = 0; len < whole.length; len++) {
            byte[] cut = Arrays.copyOf(whole, len);
            assertThrows(DecodeException.class, () -> RequestBodies.decode(opCode, input(cut)));
        }
    }

    @Test
    void emptyBodiesConsumeNothing() {
        JuteInput in = input(new byte[] {9, 9});
        assertSame(EmptyRequest.INSTANCE, RequestBodies.decode(OpCode.PING, in));
        assertEquals(2, in.remaining());
    }

    @ParameterizedTest
    @ValueSource(ints = {999, OpCode.NOTIFICATION, OpCode.CREATE_SESSION, OpCode.ERROR, 10})
    void unknownOpCodesAreRejected(int opCode) {
        DecodeException e = assertThrows(DecodeException.class,
                () -> RequestBodies.decode(opCode, input(new byte[] {0, 0, 0, 0})));
        assertEquals("unknown op code " + opCode, e.getMessage());
    }

    @Test
    void decodesARequestZooKeeperWrote() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.jute.BinaryOutputArchive a = org.apache.jute.BinaryOutputArchive.getArchive(out);
        new org.apache.zookeeper.proto.RequestHeader(12, OpCode.SET_DATA).serialize(a, "h");
        new org.apache.zookeeper.proto.SetDataRequest("/z", DATA, 7).serialize(a, "b");
        JuteInput in = input(out.toByteArray());

        RequestHeader h = RequestHeader.read(in);
        assertEquals(new RequestHeader(12, OpCode.SET_DATA), h);
        assertEquals(new SetDataRequest("/z", DATA, 7), RequestBodies.decode(h.type(), in));
        assertArrayEquals(new byte[0], ByteBufUtil.getBytes(in.buffer()));
    }

    private static byte[] bytes(Record r) {
        ByteBuf buf = Unpooled.buffer();
        r.write(new JuteOutput(buf));
        return ByteBufUtil.getBytes(buf);
    }

    private static JuteInput input(byte[] b) {
        return new JuteInput(Unpooled.wrappedBuffer(b));
    }
}
