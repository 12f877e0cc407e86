package io.paddock.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.function.BiConsumer;

/** Writes jute-encoded fields into a {@link ByteBuf}. Not thread-safe. */
public final class JuteOutput {
    private final ByteBuf buf;

    public JuteOutput(ByteBuf buf) {
        this.buf = buf;
    }

    public ByteBuf buffer() {
        return buf;
    }

    public void writeInt(int v) {
        buf.writeInt(v);
    }

    public void writeLong(long v) {
        buf.writeLong(v);
    }

    public void writeBool(boolean v) {
        buf.writeByte(v ? 1 : 0);
    }

    public void writeString(String s) {
        if (s == null) {
            buf.writeInt(-1);
            return;
        }
        int lenIndex = buf.writerIndex();
        buf.writeInt(0);
        int written = ByteBufUtil.writeUtf8(buf, s);
        buf.setInt(lenIndex, written);
    }

    public void writeBuffer(byte[] b) {
        if (b == null) {
            buf.writeInt(-1);
            return;
        }
        buf.writeInt(b.length);
        buf.writeBytes(b);
    }

    public <T> void writeVector(List<T> items, BiConsumer<JuteOutput, T> element) {
        if (items == null) {
            buf.writeInt(-1);
            return;
        }
        buf.writeInt(items.size());
        for (T item : items) {
            element.accept(this, item);
        }
    }
}
