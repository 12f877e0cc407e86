package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void theChecksumIsTheSameWhateverKindOfBufferHoldsTheBytes() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        CRC32C expected = new CRC32C();
        expected.update(bytes, 10, 200);
        int want = (int) expected.getValue();

        ByteBuf heap = Unpooled.wrappedBuffer(bytes);
        ByteBuf sliced = Unpooled.wrappedBuffer(concat(new byte[5], bytes)).slice(5, 300);
        ByteBuf direct = Unpooled.directBuffer(300).writeBytes(bytes);
        ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(300).writeBytes(bytes);
        CompositeByteBuf composite = Unpooled.compositeBuffer()
                .addComponent(true, Unpooled.wrappedBuffer(bytes, 0, 100))
                .addComponent(true, Unpooled.directBuffer(200).writeBytes(bytes, 100, 200));
        try {
            assertEquals(want, Frames.crc32c(heap, 10, 200), "heap");
            assertEquals(want, Frames.crc32c(sliced, 10, 200), "a slice at an array offset");
            assertEquals(want, Frames.crc32c(direct, 10, 200), "direct");
            assertEquals(want, Frames.crc32c(pooled, 10, 200), "pooled direct");
            assertEquals(want, Frames.crc32c(composite, 10, 200), "composite");
            assertEquals(want, Frames.crc32c(direct, 10, 200), "direct, twice (the view is reused)");
        } finally {
            pooled.release();
            direct.release();
            composite.release();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
