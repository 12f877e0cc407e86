package io.paddock.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.Frames;
import io.paddock.server.admin.FourLetterWords;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the byte stream into length-prefixed frames, each passed on as a retained slice (no
 * copy). A length over jute.maxbuffer is refused before any byte of the frame is buffered.
 *
 * <p>The first four bytes of a connection may instead be a four-letter word: ZooKeeper reads
 * them as a length and checks whether they spell a command, and so do we. No valid length
 * spells four lowercase letters, so the two cannot be confused.
 *
 * <p>One instance per channel, used only on its event loop.
 */
final class ClientFrameDecoder extends ByteToMessageDecoder {
    private final int maxBuffer;
    private boolean first = true;

    ClientFrameDecoder(int maxBuffer) {
        this.maxBuffer = maxBuffer;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        if (first) {
            first = false;
            String word = in.toString(in.readerIndex(), 4, StandardCharsets.US_ASCII);
            if (FourLetterWords.isKnown(word)) {
                in.skipBytes(in.readableBytes());
                out.add(new FourLetterWord(word));
                return;
            }
        }
        int len = in.getInt(in.readerIndex());
        try {
            Frames.checkLength(len, maxBuffer);
        } catch (DecodeException e) {
            in.skipBytes(in.readableBytes());
            throw e;
        }
        if (in.readableBytes() < 4 + len) {
            return;
        }
        in.skipBytes(4);
        out.add(in.readRetainedSlice(len));
    }
}
