package io.paddock.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScratchBufferTest {

    @Test
    void eachEncodeGetsExactlyItsOwnBytes() {
        ByteBuf first = ScratchBuffer.take();
        new JuteOutput(first).writeString("/a/longer/path");
        byte[] a = ScratchBuffer.bytes(first);
        ByteBuf second = ScratchBuffer.take();
        new JuteOutput(second).writeInt(7);
        byte[] b = ScratchBuffer.bytes(second);

        assertEquals(4 + 14, a.length);
        assertArrayEquals(new byte[] {0, 0, 0, 7}, b, "nothing of the earlier, longer message");
    }

    @Test
    void aLargeMessageIsWholeAndSmallOnesAfterItStillRight() {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 3);
        ByteBuf buf = ScratchBuffer.take();
        new JuteOutput(buf).writeBuffer(big);
        byte[] out = ScratchBuffer.bytes(buf);
        assertEquals(4 + big.length, out.length);
        assertEquals(3, out[out.length - 1]);

        ByteBuf next = ScratchBuffer.take();
        assertEquals(0, next.readableBytes());
        next.writeByte(9);
        assertArrayEquals(new byte[] {9}, ScratchBuffer.bytes(next));
    }
}
