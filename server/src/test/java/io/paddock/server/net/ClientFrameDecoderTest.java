package io.paddock.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.paddock.protocol.codec.DecodeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientFrameDecoderTest {
    @Test
    void splitsFramesAcrossArbitraryChunks() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientFrameDecoder(1024));
        ByteBuf wire = Unpooled.buffer();
        wire.writeInt(3).writeBytes(new byte[] {1, 2, 3}).writeInt(0).writeInt(2).writeBytes(new byte[] {9, 8});
        while (wire.isReadable()) {
            ch.writeInbound(wire.readRetainedSlice(1));
        }
        ByteBuf a = ch.readInbound();
        ByteBuf b = ch.readInbound();
        ByteBuf c = ch.readInbound();
        assertEquals(3, a.readableBytes());
        assertEquals(0, b.readableBytes());
        assertEquals(2, c.readableBytes());
        assertEquals(9, c.getByte(0));
        a.release();
        b.release();
        c.release();
        wire.release();
        assertFalse(ch.finish());
    }

    @Test
    void fourLetterWordIsRecognisedOnlyAtTheStart() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientFrameDecoder(1024));
        ch.writeInbound(Unpooled.copiedBuffer("ruok", StandardCharsets.US_ASCII));
        FourLetterWord w = ch.readInbound();
        assertEquals("ruok", w.command());

        EmbeddedChannel later = new EmbeddedChannel(new ClientFrameDecoder(0x7fffffff));
        later.writeInbound(Unpooled.buffer().writeInt(0));
        ((ByteBuf) later.readInbound()).release();
        // After the first frame the same bytes are just a (large) length prefix.
        later.writeInbound(Unpooled.copiedBuffer("ruok", StandardCharsets.US_ASCII));
        assertNull(later.readInbound());
        later.finishAndReleaseAll();
    }

    @Test
    void oversizeLengthIsRefusedBeforeBuffering() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientFrameDecoder(100));
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(Unpooled.buffer().writeInt(101)));
        assertTrue(e.getCause() instanceof DecodeException, e.toString());
        assertTrue(e.getCause().getMessage().contains("101"));
        ch.finishAndReleaseAll();
    }

    @Test
    void negativeLengthIsRefused() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientFrameDecoder(100));
        assertThrows(DecoderException.class, () -> ch.writeInbound(Unpooled.buffer().writeInt(-5)));
        ch.finishAndReleaseAll();
    }
}
