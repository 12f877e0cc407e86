package io.paddock.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads jute-encoded fields from a {@link ByteBuf} holding one whole frame.
 *
 * <p>Every length read from the wire is checked against the bytes actually left in the frame
 * before anything is allocated, so a hostile length prefix can never make us allocate the
 * size it claims. Not thread-safe.
 */
public final class JuteInput {
    private final ByteBuf buf;

    public JuteInput(ByteBuf buf) {
        this.buf = buf;
    }

    public ByteBuf buffer() {
        return buf;
    }

    public boolean hasRemaining() {
        return buf.isReadable();
    }

    public int remaining() {
        return buf.readableBytes();
    }

    public int readInt() {
        need(4, "int");
        return buf.readInt();
    }

    public long readLong() {
        need(8, "long");
        return buf.readLong();
    }

    public boolean readBool() {
        need(1, "boolean");
        return buf.readByte() != 0;
    }

    /** A jute {@code ustring}: int length (-1 for null) then UTF-8 bytes. */
    public String readString() {
        int len = readLength("ustring");
        if (len < 0) {
            return null;
        }
        String s = buf.toString(buf.readerIndex(), len, StandardCharsets.UTF_8);
        buf.skipBytes(len);
        return s;
    }

    /** A jute {@code buffer}: int length (-1 for null) then raw bytes. */
    public byte[] readBuffer() {
        int len = readLength("buffer");
        if (len < 0) {
            return null;
        }
        byte[] out = new byte[len];
        buf.readBytes(out);
        return out;
    }

    /** A jute {@code vector}: int count (-1 for null) then each element. */
    public <T> List<T> readVector(Function<JuteInput, T> element) {
        int count = readInt();
        if (count < -1) {
            throw new DecodeException("negative vector length " + count);
        }
        if (count == -1) {
            return null;
        }
        // Each element takes at least one byte, so a count beyond the bytes left is a lie.
        if (count > buf.readableBytes()) {
            throw new DecodeException("vector length " + count + " exceeds the "
                    + buf.readableBytes() + " bytes left in the frame");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    private int readLength(String what) {
        int len = readInt();
        if (len < -1) {
            throw new DecodeException("negative " + what + " length " + len);
        }
        if (len > buf.readableBytes()) {
            throw new DecodeException(what + " length " + len + " exceeds the "
                    + buf.readableBytes() + " bytes left in the frame");
        }
        return len;
    }

    private void need(int bytes, String what) {
        if (buf.readableBytes() < bytes) {
            throw new DecodeException("truncated record: " + what + " needs " + bytes
                    + " bytes, " + buf.readableBytes() + " left");
        }
    }
}
