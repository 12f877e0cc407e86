package io.paddock.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.GetDataRequest;
import io.paddock.protocol.ReplyHeader;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.op.OpCode;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void lengthPrefixCoversHeaderAndBody() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(0x7f); // something already queued must stay untouched
        RequestHeader header = new RequestHeader(3, OpCode.GET_DATA);
        Frames.writeFrame(buf, header, new GetDataRequest("/ab", true));

        assertEquals(0x7f, buf.readByte());
        int len = buf.readInt();
        assertEquals(8 + 4 + 3 + 1, len);
        assertEquals(len, buf.readableBytes());
        JuteInput in = new JuteInput(buf);
        assertEquals(new RequestHeader(3, OpCode.GET_DATA), RequestHeader.read(in));
        assertEquals(new GetDataRequest("/ab", true), GetDataRequest.read(in));
    }

    @Test
    void nullBodyWritesOnlyTheHeader() {
        ByteBuf buf = Unpooled.buffer();
        Frames.writeFrame(buf, new ReplyHeader(-2, 5L, 0), null);

        assertEquals(16, buf.readInt());
        assertEquals(new ReplyHeader(-2, 5L, 0), ReplyHeader.read(new JuteInput(buf)));
        assertEquals(0, buf.readableBytes());
    }

    @Test
    void defaultMaxBufferMatchesZooKeeper() {
        assertEquals(0xfffff, Frames.DEFAULT_MAX_BUFFER);
    }

    @Test
    void lengthsUpToTheLimitAreAccepted() {
        assertDoesNotThrow(() -> Frames.checkLength(0, 100));
        assertDoesNotThrow(() -> Frames.checkLength(100, 100));
    }

    @Test
    void oversizedAndNegativeLengthsAreRejected() {
        DecodeException big = assertThrows(DecodeException.class,
                () -> Frames.checkLength(Frames.DEFAULT_MAX_BUFFER + 1, Frames.DEFAULT_MAX_BUFFER));
        assertEquals("frame length 1048576 exceeds jute.maxbuffer 1048575", big.getMessage());
        assertThrows(DecodeException.class, () -> Frames.checkLength(-1, 100));
        assertThrows(DecodeException.class, () -> Frames.checkLength(Integer.MIN_VALUE, 100));
    }
}
