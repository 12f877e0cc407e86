package io.paddock.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;

/** Byte-level helpers for protocol tests: our records and ZooKeeper's jute records as bytes. */
final class Wire {
    private Wire() {
    }

    static byte[] bytes(Record record) {
        ByteBuf buf = Unpooled.buffer();
        record.write(new JuteOutput(buf));
        return ByteBufUtil.getBytes(buf);
    }

    static JuteInput input(byte[] bytes) {
        return new JuteInput(Unpooled.wrappedBuffer(bytes));
    }

    static byte[] zkBytes(org.apache.jute.Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            record.serialize(BinaryOutputArchive.getArchive(out), "r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Has ZooKeeper parse {@code bytes} into {@code into}, which it returns. */
    static <T extends org.apache.jute.Record> T zkRead(byte[] bytes, T into) {
        try {
            into.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)), "r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }
}
