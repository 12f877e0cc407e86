package io.paddock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.op.OpCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile or broken bytes must fail as a {@link DecodeException}: never another exception, and
 * never by first allocating what a length field claims (that would be an OutOfMemoryError).
 */
class MalformedInputTest {

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncationAtEveryOffsetIsADecodeException(Samples.Sample sample) {
        byte[] bytes = Wire.bytes(sample.record());
        boolean optionalTail = sample.record() instanceof ConnectRequest
                || sample.record() instanceof ConnectResponse;
        int shortest = optionalTail ? bytes.length - 1 : bytes.length;
        for (int len = 0; len < shortest; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            int at = len;
            assertThrows(DecodeException.class, () -> sample.reader().apply(Wire.input(cut)),
                    () -> sample.name() + " cut to " + at + " of " + bytes.length + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, -100, Integer.MIN_VALUE})
    void negativeLengthsAreRejected(int len) {
        byte[] string = intThen(len, 0, 0, 0, 0);
        assertThrows(DecodeException.class, () -> SyncRequest.read(Wire.input(string)));
        byte[] buffer = intThen(len);
        assertThrows(DecodeException.class, () -> GetSASLRequest.read(Wire.input(buffer)));
        byte[] vector = intThen(len);
        assertThrows(DecodeException.class, () -> GetChildrenResponse.read(Wire.input(vector)));
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 1 << 20, Integer.MAX_VALUE})
    void lengthsBeyondTheFrameAreRejectedWithoutAllocating(int len) {
        byte[] shortTail = intThen(len, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
        assertThrows(DecodeException.class, () -> SyncRequest.read(Wire.input(shortTail)));
        assertThrows(DecodeException.class, () -> GetSASLRequest.read(Wire.input(shortTail)));
        assertThrows(DecodeException.class,
                () -> GetChildrenResponse.read(Wire.input(shortTail)));
        assertThrows(DecodeException.class, () -> ACL.readList(Wire.input(shortTail)));
    }

    @Test
    void vectorCountLargerThanTheFrameNamesTheProblem() {
        byte[] bytes = intThen(1000, 0, 0, 0, 1, 'x');
        DecodeException e = assertThrows(DecodeException.class,
                () -> GetChildrenResponse.read(Wire.input(bytes)));
        assertTrue(e.getMessage().contains("vector length 1000"), e.getMessage());
    }

    @Test
    void unknownOpInsideAMultiRequestIsRejected() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(OpCode.EXISTS).writeBoolean(false).writeInt(-1);
        buf.writeInt(2).writeBytes("/a".getBytes()).writeBoolean(false);
        buf.writeInt(-1).writeBoolean(true).writeInt(-1);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        DecodeException e = assertThrows(DecodeException.class,
                () -> MultiRequest.read(Wire.input(bytes)));
        assertEquals("invalid op type 3 in a multi", e.getMessage());
    }

    @Test
    void unknownResultInsideAMultiResponseIsRejected() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(OpCode.SYNC).writeBoolean(false).writeInt(0);
        buf.writeInt(-1).writeBoolean(true).writeInt(-1);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        assertThrows(DecodeException.class, () -> MultiResponse.read(Wire.input(bytes)));
    }

    @Test
    void multiWithoutItsTerminatorIsTruncated() {
        byte[] bytes = Wire.bytes(Samples.multiRequest());
        byte[] noEnd = Arrays.copyOf(bytes, bytes.length - 9);
        assertThrows(DecodeException.class, () -> MultiRequest.read(Wire.input(noEnd)));
    }

    private static byte[] intThen(int value, int... tail) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(value);
        for (int b : tail) {
            buf.writeByte(b);
        }
        return ByteBufUtil.getBytes(buf);
    }
}
